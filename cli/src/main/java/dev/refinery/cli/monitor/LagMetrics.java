package dev.refinery.cli.monitor;

import java.util.List;
import java.util.Locale;

/** Prometheus text exposition of lag: {@code refinery_consumer_lag_records} and {@code refinery_consumer_lag_seconds}. */
final class LagMetrics {
    private LagMetrics() {}

    static String exposition(List<PartitionLag> lags) {
        StringBuilder b = new StringBuilder();
        b.append("# HELP refinery_consumer_lag_records Log end offset minus committed offset.\n");
        b.append("# TYPE refinery_consumer_lag_records gauge\n");
        for (PartitionLag l : lags) {
            b.append("refinery_consumer_lag_records")
                    .append(labels(l))
                    .append(' ')
                    .append(l.lag())
                    .append('\n');
        }
        b.append("# HELP refinery_consumer_lag_seconds Age of the oldest unconsumed record.\n");
        b.append("# TYPE refinery_consumer_lag_seconds gauge\n");
        for (PartitionLag l : lags) {
            b.append("refinery_consumer_lag_seconds")
                    .append(labels(l))
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.3f", l.lagSeconds()))
                    .append('\n');
        }
        return b.toString();
    }

    private static String labels(PartitionLag l) {
        return "{group=\"" + escape(l.group()) + "\",topic=\"" + escape(l.topic()) + "\",partition=\"" + l.partition()
                + "\"}";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
