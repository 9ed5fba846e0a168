package dev.refinery.ingest;

import dev.refinery.ingest.config.IngestConfig;
import dev.refinery.ingest.dedup.DedupStore;
import dev.refinery.ingest.download.UrlDownloader;
import dev.refinery.ingest.http.IngestHttpServer;
import dev.refinery.ingest.metrics.IngestMetrics;
import dev.refinery.ingest.pipeline.IngestPipeline;
import dev.refinery.ingest.pipeline.PipelineFactory;
import dev.refinery.ingest.publish.TransactionalPublisher;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.lifecycle.Resources;
import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.s3.ObjectStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything ingest runs on, wired once: registry client and serdes, object store (bucket ensured), dedup store
 * (restored before ready), transactional publisher, downloader and the pipeline. Used by the HTTP service, the bulk
 * importers and the tests alike.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final PrometheusMeterRegistry metrics;
    private final Resources resources;
    private final DedupStore dedup;
    private final TransactionalPublisher publisher;
    private final IngestPipeline pipeline;

    private IngestService(
            IngestConfig config,
            PrometheusMeterRegistry metrics,
            Resources resources,
            DedupStore dedup,
            TransactionalPublisher publisher,
            IngestPipeline pipeline) {
        this.config = config;
        this.metrics = metrics;
        this.resources = resources;
        this.dedup = dedup;
        this.publisher = publisher;
        this.pipeline = pipeline;
    }

    /**
     * Starts ingest's dependencies.
     *
     * @param kafkaOverrides Kafka client properties applied last ({@code KAFKA_*} variables)
     */
    public static IngestService start(
            PlatformConfig platform,
            IngestConfig config,
            Map<String, Object> kafkaOverrides,
            PrometheusMeterRegistry metrics)
            throws InterruptedException, TimeoutException {
        Resources resources = new Resources();
        try {
            Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
            kafka.putAll(kafkaOverrides);
            var registry = new SchemaRegistryClient(RegistryClientConfig.fromMap(kafka));
            ObjectStore objects = ObjectStore.create(platform.s3());
            resources.add(objects);
            objects.ensureBucket();
            DedupStore dedup = DedupStore.restore(
                    platform.topics().ingestDedup(), config.instanceId(), kafka, Duration.ofMinutes(5));
            resources.add(dedup);
            TransactionalPublisher publisher = new TransactionalPublisher(
                    kafka,
                    config.transactionalId(),
                    config.publishQueue(),
                    config.publishMaxRecords(),
                    config.publishLinger(),
                    metrics);
            resources.add(publisher);
            UrlDownloader downloader = new UrlDownloader(config.download(), metrics);
            resources.add(downloader);
            ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
            resources.add(workers::shutdownNow);
            IngestPipeline pipeline = PipelineFactory.create(
                    config,
                    platform.topics(),
                    kafka,
                    registry,
                    objects,
                    dedup,
                    publisher,
                    downloader,
                    new IngestMetrics(metrics),
                    workers);
            log.info(
                    "Ingest {} ready: transactional id {}, topic {}",
                    config.instanceId(),
                    config.transactionalId(),
                    platform.topics().pairsRaw());
            return new IngestService(config, metrics, resources, dedup, publisher, pipeline);
        } catch (InterruptedException | TimeoutException | RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    public IngestPipeline pipeline() {
        return pipeline;
    }

    public IngestConfig config() {
        return config;
    }

    /** Dedup state restored and followed, publisher healthy. */
    public boolean ready() {
        return dedup.healthy() && publisher.healthy();
    }

    /** Starts the crawler HTTP API on the configured host and port. */
    public IngestHttpServer serveHttp() throws IOException {
        return new IngestHttpServer(
                config.httpHost(),
                config.httpPort(),
                pipeline,
                config.maxRequestBytes(),
                config.maxInFlightBytes(),
                config.authToken(),
                metrics,
                this::ready);
    }

    @Override
    public void close() {
        resources.close();
    }
}
