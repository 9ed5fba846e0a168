package dev.refinery.scorer.signal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs signal failures at most once per interval per family, so a rule that fails on every record of a bad crawl
 * does not flood the log: the first failure of a family is logged with its stack trace, later ones only when the
 * interval has passed since the last log line, with the number suppressed in between. Thread-safe.
 */
final class FailureLog {
    private static final Logger log = LoggerFactory.getLogger(SignalSet.class);

    private static final class Family {
        final AtomicLong total = new AtomicLong();
        final AtomicLong suppressed = new AtomicLong();
        final AtomicLong nextLogAt;

        Family(long now) {
            this.nextLogAt = new AtomicLong(now);
        }
    }

    private final ConcurrentMap<String, Family> families = new ConcurrentHashMap<>();
    private final long intervalNanos;
    private final LongSupplier nanoTime;

    FailureLog(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Counts one failure of {@code family}; returns whether it was logged. */
    boolean record(String family, RuntimeException e) {
        long now = nanoTime.getAsLong();
        Family f = families.computeIfAbsent(family, k -> new Family(now));
        f.total.incrementAndGet();
        long due = f.nextLogAt.get();
        if (now - due < 0 || !f.nextLogAt.compareAndSet(due, now + intervalNanos)) {
            f.suppressed.incrementAndGet();
            return false;
        }
        long suppressed = f.suppressed.getAndSet(0);
        log.warn(
                "Quality signal '{}' failed ({} failures so far, {} not logged since the last report); "
                        + "emitting {}_error for the record",
                family,
                f.total.get(),
                suppressed,
                family,
                e);
        return true;
    }

    /** Failures of {@code family} since start. */
    long failures(String family) {
        Family f = families.get(family);
        return f == null ? 0 : f.total.get();
    }
}
