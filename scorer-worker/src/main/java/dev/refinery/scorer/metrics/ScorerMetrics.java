package dev.refinery.scorer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Scorer meters (Prometheus names): {@code refinery_scorer_batch_size}, {@code refinery_scorer_queue_seconds} (first
 * record polled to batch start), {@code refinery_scorer_fetch_decode_seconds}, {@code refinery_scorer_inference_seconds},
 * {@code refinery_scorer_images_total}, {@code refinery_scorer_records_total{outcome,route,reason}},
 * {@code refinery_scorer_gpu} (1 when inference runs on CUDA).
 */
public final class ScorerMetrics {
    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer queue;
    private final Timer fetchDecode;
    private final Timer inference;
    private final Counter images;

    public ScorerMetrics(MeterRegistry registry, boolean gpu) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("refinery.scorer.batch.size")
                .description("Records per scored batch")
                .register(registry);
        this.queue = Timer.builder("refinery.scorer.queue")
                .description("Wait of a batch's first record")
                .register(registry);
        this.fetchDecode = Timer.builder("refinery.scorer.fetch.decode")
                .description("S3 fetch and decode+preprocess of a batch")
                .register(registry);
        this.inference = Timer.builder("refinery.scorer.inference")
                .description("Model call of a batch")
                .register(registry);
        this.images = Counter.builder("refinery.scorer.images")
                .description("Images scored")
                .register(registry);
        Gauge.builder("refinery.scorer.gpu", () -> gpu ? 1 : 0)
                .description("1 when inference runs on the CUDA execution provider")
                .register(registry);
    }

    public void batch(int size, Duration queued) {
        batchSize.record(size);
        queue.record(queued);
    }

    public void fetchDecode(long nanos, int records) {
        fetchDecode.record(Duration.ofNanos(nanos));
    }

    public void inference(long nanos, int count) {
        inference.record(Duration.ofNanos(nanos));
        images.increment(count);
    }

    /** Counts one record's outcome: scored with its route and first reason, or dead-lettered with its reason. */
    public void record(String outcome, String route, String reason) {
        Counter.builder("refinery.scorer.records")
                .description("Records by outcome, route and first reason")
                .tag("outcome", outcome)
                .tag("route", route.toLowerCase(Locale.ROOT))
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
