package dev.refinery.scorer.worker;

import ai.onnxruntime.OrtException;
import dev.refinery.runtime.lifecycle.Resources;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.worker.BeforeCommit;
import dev.refinery.runtime.worker.TransactionalBatchLoop;
import dev.refinery.runtime.worker.TransactionalClients;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.scorer.config.ScorerConfig;
import dev.refinery.scorer.image.ImageDecoder;
import dev.refinery.scorer.inference.ClipModel;
import dev.refinery.scorer.inference.ModelLocator;
import dev.refinery.scorer.metrics.ScorerMetrics;
import dev.refinery.scorer.route.Router;
import dev.refinery.scorer.route.RoutingPolicy;
import dev.refinery.scorer.signal.EmbeddingHeadSignal;
import dev.refinery.scorer.signal.PerplexitySignal;
import dev.refinery.scorer.signal.QualitySignal;
import dev.refinery.scorer.signal.SignalSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Assembles the scorer's {@link TransactionalBatchLoop} and registers what it opens in {@code resources} for closing. */
public final class WorkerFactory {
    private WorkerFactory() {}

    public static TransactionalBatchLoop create(
            TopicNames topics,
            ScorerConfig config,
            Map<String, Object> kafka,
            SchemaRegistryClient registry,
            ObjectStore objects,
            ClipModel model,
            RoutingPolicy policy,
            ScorerMetrics metrics,
            Resources resources,
            BeforeCommit beforeCommit) {
        var raw = new SpecificAvroDeserializer<>(registry, RawPair.class);
        raw.configure(kafka, false);
        var scored = new SpecificAvroSerializer<ScoredPair>(registry);
        scored.configure(kafka, false);
        var dlq = new SpecificAvroSerializer<DeadLetter>(registry);
        dlq.configure(kafka, false);

        ExecutorService fetchPool = Executors.newFixedThreadPool(
                config.fetchConcurrency(), Thread.ofVirtual().factory());
        resources.add(fetchPool::shutdownNow);
        ExecutorService decodePool = Executors.newFixedThreadPool(config.decodeThreads());
        resources.add(decodePool::shutdownNow);
        ClusterAssigner clusters = new ClusterAssigner(topics.clusters(), model.id(), kafka);
        resources.add(clusters);
        SignalSet signals = signals(config, objects, resources);
        signals.warmUp(); // builds the language detector now rather than stalling the first batch
        BatchScorer scorer = new BatchScorer(
                raw,
                objects,
                model,
                signals,
                clusters,
                new Router(policy),
                fetchPool,
                decodePool,
                metrics,
                new ImageDecoder(
                        config.maxImagePixels(),
                        config.decodeSubsampling(),
                        config.decodeMargin(),
                        config.dctScaling()));
        return new TransactionalBatchLoop(
                "scorer",
                TransactionalClients.consumer(kafka, config.groupId(), config.batchSize()),
                TransactionalClients.producer(kafka, config.transactionalId()),
                List.of(topics.pairsRaw(), topics.pairsRewritten()),
                new ScorerBatchHandler(scorer, topics, scored, dlq),
                config.batchSize(),
                config.batchMaxDelay(),
                metrics::batch,
                beforeCommit);
    }

    /**
     * The default signal families plus the configured embedding heads and caption perplexity model ({@code objects}
     * fetches the latter when it is an S3 prefix; it may be null when it is not).
     */
    static SignalSet signals(ScorerConfig config, ObjectStore objects, Resources resources) {
        List<QualitySignal> all =
                new ArrayList<>(SignalSet.defaults(config.languages()).signals());
        try {
            for (EmbeddingHeadSignal head : EmbeddingHeadSignal.loadAll(config.heads())) {
                all.add(resources.add(head));
            }
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("Cannot load REFINERY_SCORER_HEADS " + config.heads() + ": " + e, e);
        }
        if (config.perplexityModel().isPresent()) {
            String location = config.perplexityModel().get();
            try {
                Path dir = ModelLocator.resolveFolder(
                        location, "REFINERY_SCORER_PERPLEXITY_MODEL", config.modelCache(), objects);
                all.add(resources.add(
                        PerplexitySignal.load(dir, config.gpu(), config.gpuDevice(), config.intraOpThreads())));
            } catch (IOException | OrtException e) {
                throw new IllegalStateException(
                        "Cannot load REFINERY_SCORER_PERPLEXITY_MODEL " + location + ": " + e, e);
            }
        }
        return new SignalSet(all);
    }
}
