package dev.refinery.scorer;

import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.lifecycle.Resources;
import dev.refinery.runtime.lifecycle.ServiceThread;
import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.worker.BeforeCommit;
import dev.refinery.runtime.worker.TransactionalBatchLoop;
import dev.refinery.scorer.config.ScorerConfig;
import dev.refinery.scorer.inference.ClipModel;
import dev.refinery.scorer.inference.ModelLocator;
import dev.refinery.scorer.inference.OnnxClipModel;
import dev.refinery.scorer.metrics.ScorerMetrics;
import dev.refinery.scorer.route.RoutingPolicy;
import dev.refinery.scorer.worker.WorkerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires a scorer worker from configuration: model, object store, registry, Kafka clients, routing policy. */
public final class ScorerService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScorerService.class);

    private final TransactionalBatchLoop worker;
    private final ClipModel model;
    private final ServiceThread thread;

    private ScorerService(Resources resources, TransactionalBatchLoop worker, ClipModel model) {
        this.worker = worker;
        this.model = model;
        this.thread = new ServiceThread("scorer", worker, worker::close, resources, Duration.ofSeconds(30));
    }

    public static ScorerService start(
            PlatformConfig platform,
            ScorerConfig config,
            Map<String, Object> kafkaOverrides,
            MeterRegistry metrics,
            BeforeCommit beforeCommit)
            throws Exception {
        if (System.getenv("ORT_DISABLE_TELEMETRY") == null) {
            log.warn("ORT_DISABLE_TELEMETRY is not set: ONNX Runtime 1.29.0 can crash the JVM at start-up on Linux"
                    + " (microsoft/onnxruntime#32173); the refinery launcher and the container images set it to 1");
        }
        Resources resources = new Resources();
        try {
            Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
            kafka.putAll(kafkaOverrides);
            ObjectStore objects = ObjectStore.create(platform.s3());
            resources.add(objects);
            var dir = ModelLocator.resolve(config.model(), config.modelCache(), objects);
            ClipModel model = OnnxClipModel.load(dir, config.gpu(), config.gpuDevice(), config.intraOpThreads());
            resources.add(model);
            RoutingPolicy policy = config.routingPolicy().isPresent()
                    ? RoutingPolicy.read(config.routingPolicy().get())
                    : RoutingPolicy.defaults();
            var registry = new SchemaRegistryClient(RegistryClientConfig.fromMap(kafka));
            TransactionalBatchLoop worker = WorkerFactory.create(
                    platform.topics(),
                    config,
                    kafka,
                    registry,
                    objects,
                    model,
                    policy,
                    new ScorerMetrics(metrics, model.onGpu()),
                    resources,
                    beforeCommit);
            log.info(
                    "Scorer started: model {} on {}, routing policy {}, batch {} / {} ms",
                    model.id(),
                    model.onGpu() ? "GPU" : "CPU",
                    policy.version(),
                    config.batchSize(),
                    config.batchMaxDelay().toMillis());
            return new ScorerService(resources, worker, model);
        } catch (Exception | Error e) {
            resources.close();
            throw e;
        }
    }

    public ClipModel model() {
        return model;
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
