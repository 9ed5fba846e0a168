package dev.refinery.rewriter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Rewriter meters (Prometheus names): {@code refinery_rewriter_rewrites_total{strategy,outcome}} (outcome is
 * {@code rewritten}, {@code flagged} or a failure reason such as {@code rewrite.backend_timeout}),
 * {@code refinery_rewriter_edit_ratio} (histogram), {@code refinery_rewriter_backend_seconds{strategy}},
 * {@code refinery_rewriter_batch_size}, {@code refinery_rewriter_queue_seconds} and, with a VLM backend,
 * {@code refinery_rewriter_circuit_state} (0 closed, 1 half-open, 2 open) and {@code refinery_rewriter_vlm_in_flight}.
 */
public final class RewriterMetrics {
    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer queue;
    private final DistributionSummary editRatio;

    public RewriterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("refinery.rewriter.batch.size")
                .description("Records per rewrite batch")
                .register(registry);
        this.queue = Timer.builder("refinery.rewriter.queue")
                .description("Wait of a batch's first record")
                .register(registry);
        this.editRatio = DistributionSummary.builder("refinery.rewriter.edit.ratio")
                .description("Token-level edit ratio of published rewrites")
                .serviceLevelObjectives(0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
                .register(registry);
    }

    public void batch(int size, Duration queued) {
        batchSize.record(size);
        queue.record(queued);
    }

    /** Counts one rewrite attempt's outcome and, for published rewrites, its edit ratio. */
    public void outcome(String strategy, String outcome, Double ratio) {
        Counter.builder("refinery.rewriter.rewrites")
                .description("Rewrite attempts by strategy and outcome")
                .tag("strategy", strategy)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if (ratio != null) {
            editRatio.record(ratio);
        }
    }

    public void backendLatency(String strategy, long nanos) {
        Timer.builder("refinery.rewriter.backend")
                .description("Time of one strategy call")
                .tag("strategy", strategy)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** Registers the VLM circuit-breaker state (0 closed, 1 half-open, 2 open) and in-flight request gauges. */
    public void vlmGauges(Supplier<Number> circuitState, Supplier<Number> inFlight) {
        Gauge.builder("refinery.rewriter.circuit.state", circuitState)
                .description("VLM circuit breaker: 0 closed, 1 half-open, 2 open")
                .register(registry);
        Gauge.builder("refinery.rewriter.vlm.in.flight", inFlight)
                .description("VLM requests in flight")
                .register(registry);
    }
}
