package dev.refinery.rewriter.worker;

import dev.refinery.rewriter.config.RewriterConfig;
import dev.refinery.rewriter.metrics.RewriterMetrics;
import dev.refinery.rewriter.rules.RuleRewriter;
import dev.refinery.rewriter.strategy.RewriteStrategy;
import dev.refinery.rewriter.vlm.VlmStrategy;
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
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Assembles the rewriter's {@link TransactionalBatchLoop} and registers what it opens in {@code resources}. */
public final class RewriterFactory {
    private RewriterFactory() {}

    public static TransactionalBatchLoop create(
            TopicNames topics,
            RewriterConfig config,
            Map<String, Object> kafka,
            SchemaRegistryClient registry,
            ObjectStore objects,
            RewriterMetrics metrics,
            Resources resources,
            BeforeCommit beforeCommit) {
        var scored = new SpecificAvroDeserializer<>(registry, ScoredPair.class);
        scored.configure(kafka, false);
        var raw = new SpecificAvroSerializer<RawPair>(registry);
        raw.configure(kafka, false);
        var dlq = new SpecificAvroSerializer<DeadLetter>(registry);
        dlq.configure(kafka, false);
        ExecutorService pool = Executors.newFixedThreadPool(
                config.concurrency(), Thread.ofVirtual().factory());
        resources.add(pool::shutdownNow);
        RewriteBatchHandler handler = new RewriteBatchHandler(
                scored,
                raw,
                dlq,
                topics,
                strategies(config, metrics, resources),
                objects,
                pool,
                config,
                metrics,
                Clock.systemUTC());
        return new TransactionalBatchLoop(
                "rewriter",
                TransactionalClients.consumer(kafka, config.groupId(), config.batchSize()),
                TransactionalClients.producer(kafka, config.transactionalId()),
                List.of(topics.pairsRewrite()),
                handler,
                config.batchSize(),
                config.batchMaxDelay(),
                metrics::batch,
                beforeCommit);
    }

    static StrategyRouter strategies(RewriterConfig config, RewriterMetrics metrics, Resources resources) {
        Map<String, RewriteStrategy> byName = new HashMap<>();
        byName.put("rules", new RuleRewriter());
        config.vlm().ifPresent(vlm -> {
            VlmStrategy strategy = resources.add(new VlmStrategy(vlm));
            metrics.vlmGauges(
                    () -> switch (strategy.circuitState()) {
                        case CLOSED -> 0;
                        case HALF_OPEN -> 1;
                        case OPEN -> 2;
                    },
                    strategy::inFlight);
            byName.put("vlm", strategy);
        });
        return new StrategyRouter(byName, config.strategyByReason(), config.defaultStrategy());
    }
}
