package dev.refinery.ingest.metrics;

import dev.refinery.ingest.pipeline.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;

/**
 * Ingest's own meters (Prometheus names): {@code refinery_ingest_pairs_total{outcome,reason}} and
 * {@code refinery_ingest_image_bytes_total}. Download meters live in the downloader; producer meters come from the
 * Kafka client binder.
 */
public final class IngestMetrics {
    private final MeterRegistry registry;
    private final Counter imageBytes;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.imageBytes = Counter.builder("refinery.ingest.image.bytes")
                .description("Bytes of accepted images")
                .baseUnit("bytes")
                .register(registry);
    }

    public void record(List<Outcome> outcomes, long acceptedBytes) {
        for (Outcome o : outcomes) {
            Counter.builder("refinery.ingest.pairs")
                    .description("Inputs by outcome (accepted, duplicate, rejected, skipped) and reason")
                    .tag("outcome", o.status().name().toLowerCase(Locale.ROOT))
                    .tag("reason", o.reason() == null ? "none" : o.reason())
                    .register(registry)
                    .increment();
        }
        imageBytes.increment(acceptedBytes);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
