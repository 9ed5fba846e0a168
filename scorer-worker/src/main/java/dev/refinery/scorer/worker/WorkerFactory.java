package dev.refinery.scorer.worker;

import ai.onnxruntime.OrtException;
import dev.refinery.runtime.lifecycle.Resources;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.scorer.config.ScorerConfig;
import dev.refinery.scorer.image.ImageDecoder;
import dev.refinery.scorer.inference.ClipModel;
import dev.refinery.scorer.metrics.ScorerMetrics;
import dev.refinery.scorer.route.Router;
import dev.refinery.scorer.route.RoutingPolicy;
import dev.refinery.scorer.signal.EmbeddingHeadSignal;
import dev.refinery.scorer.signal.QualitySignal;
import dev.refinery.scorer.signal.SignalSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Assembles a {@link ScorerWorker} and registers what it opens in {@code resources} for closing. */
public final class WorkerFactory {
    private WorkerFactory() {}

    public static ScorerWorker create(
            TopicNames topics,
            ScorerConfig config,
            Map<String, Object> kafka,
            SchemaRegistryClient registry,
            ObjectStore objects,
            ClipModel model,
            RoutingPolicy policy,
            ScorerMetrics metrics,
            Resources resources,
            ScorerWorker.BeforeCommit beforeCommit) {
        Map<String, Object> consumerProps = new HashMap<>(kafka);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        Map<String, Object> producerProps = new HashMap<>(kafka);
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        producerProps.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);

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
        List<QualitySignal> all =
                new ArrayList<>(SignalSet.defaults(config.languages()).signals());
        try {
            for (EmbeddingHeadSignal head : EmbeddingHeadSignal.loadAll(config.heads())) {
                all.add(resources.add(head));
            }
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("Cannot load REFINERY_SCORER_HEADS " + config.heads() + ": " + e, e);
        }
        SignalSet signals = new SignalSet(all);
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
                new ImageDecoder(config.maxImagePixels(), config.decodeSubsampling()));
        return new ScorerWorker(
                new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer()),
                scorer,
                topics,
                scored,
                dlq,
                config.batchSize(),
                config.batchMaxDelay(),
                metrics,
                beforeCommit);
    }
}
