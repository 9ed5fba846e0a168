package dev.refinery.cli.demo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** Progress figures read from the services' meters (approximate: a retried batch counts twice until it commits). */
record DemoProgress(
        long ingestProcessed,
        long scored,
        long scorerDeadLetters,
        long rewrites,
        long decided,
        long accepted,
        long shards,
        long samples) {

    static DemoProgress of(MeterRegistry meters) {
        return new DemoProgress(
                sum(meters, "refinery.ingest.pairs", null, null),
                sum(meters, "refinery.scorer.records", "outcome", "scored"),
                sum(meters, "refinery.scorer.records", "outcome", "dead_letter"),
                sum(meters, "refinery.rewriter.rewrites", null, null),
                sum(meters, "refinery.selector.decisions", null, null),
                sum(meters, "refinery.selector.decisions", "outcome", "accepted"),
                sum(meters, "refinery.sink.shards", null, null),
                sum(meters, "refinery.sink.samples", null, null));
    }

    private static long sum(MeterRegistry meters, String name, String tag, String value) {
        var search = meters.find(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return (long) search.counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Whether every pair that ingest accepted is decided and every accepted pair is in a shard. */
    boolean complete(long ingested) {
        return ingested > 0 && decided + scorerDeadLetters >= ingested && samples >= accepted;
    }

    String line(long elapsedSeconds, long crawl) {
        return String.format(
                Locale.ROOT,
                "[%3ds] ingest %d/%d | scored %d (%d to DLQ) | rewrite attempts %d | decided %d, accepted %d"
                        + " | shards %d (%d samples)",
                elapsedSeconds,
                ingestProcessed,
                crawl,
                scored,
                scorerDeadLetters,
                rewrites,
                decided,
                accepted,
                shards,
                samples);
    }
}
