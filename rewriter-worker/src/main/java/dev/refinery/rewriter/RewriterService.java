package dev.refinery.rewriter;

import dev.refinery.rewriter.config.RewriterConfig;
import dev.refinery.rewriter.metrics.RewriterMetrics;
import dev.refinery.rewriter.worker.RewriterFactory;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.lifecycle.Resources;
import dev.refinery.runtime.lifecycle.ServiceThread;
import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.worker.BeforeCommit;
import dev.refinery.runtime.worker.TransactionalBatchLoop;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires a rewriter worker from configuration: strategies, object store, registry, Kafka clients. */
public final class RewriterService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RewriterService.class);

    private final TransactionalBatchLoop worker;
    private final ServiceThread thread;

    private RewriterService(Resources resources, TransactionalBatchLoop worker) {
        this.worker = worker;
        this.thread = new ServiceThread("rewriter", worker, worker::close, resources, Duration.ofSeconds(30));
    }

    public static RewriterService start(
            PlatformConfig platform,
            RewriterConfig config,
            Map<String, Object> kafkaOverrides,
            MeterRegistry meters,
            BeforeCommit beforeCommit) {
        Resources resources = new Resources();
        try {
            Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
            kafka.putAll(kafkaOverrides);
            ObjectStore objects = resources.add(ObjectStore.create(platform.s3()));
            var registry = new SchemaRegistryClient(RegistryClientConfig.fromMap(kafka));
            TransactionalBatchLoop worker = RewriterFactory.create(
                    platform.topics(),
                    config,
                    kafka,
                    registry,
                    objects,
                    new RewriterMetrics(meters),
                    resources,
                    beforeCommit);
            log.info(
                    "Rewriter started: default strategy {}, by reason {}, edit ceiling {} ({}), batch {} / {} ms",
                    config.defaultStrategy(),
                    config.strategyByReason(),
                    config.maxEditRatio(),
                    config.overEdit(),
                    config.batchSize(),
                    config.batchMaxDelay().toMillis());
            return new RewriterService(resources, worker);
        } catch (RuntimeException | Error e) {
            resources.close();
            throw e;
        }
    }

    public TransactionalBatchLoop worker() {
        return worker;
    }

    /** Blocks until the worker stops. */
    public void await() throws InterruptedException {
        thread.await();
    }

    @Override
    public void close() {
        thread.close();
    }
}
