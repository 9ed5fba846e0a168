package dev.refinery.selector.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Curated sink meters: {@code refinery_sink_shards_total}, {@code refinery_sink_samples_total},
 * {@code refinery_sink_bytes_total}, {@code refinery_sink_upload_seconds}, {@code refinery_sink_adopted_total}
 * (shards found complete after a restart) and {@code refinery_sink_dead_letters_total{reason}}.
 */
final class SinkMetrics {
    private final MeterRegistry registry;
    private final Counter shards;
    private final Counter samples;
    private final Counter bytes;
    private final Counter adopted;
    private final Timer upload;

    SinkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.shards = Counter.builder("refinery.sink.shards")
                .description("Shards uploaded")
                .register(registry);
        this.samples = Counter.builder("refinery.sink.samples")
                .description("Samples written")
                .register(registry);
        this.bytes = Counter.builder("refinery.sink.bytes")
                .description("Tar bytes uploaded")
                .register(registry);
        this.adopted = Counter.builder("refinery.sink.adopted")
                .description("Shards found complete after a restart, committed without rewriting")
                .register(registry);
        this.upload = Timer.builder("refinery.sink.upload")
                .description("Upload of one shard")
                .register(registry);
    }

    void shard(int sampleCount, long tarBytes, Duration took) {
        shards.increment();
        samples.increment(sampleCount);
        bytes.increment(tarBytes);
        upload.record(took);
    }

    void adopted() {
        adopted.increment();
    }

    void deadLetter(String reason) {
        Counter.builder("refinery.sink.dead.letters")
                .description("Curated records the sink could not write")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
