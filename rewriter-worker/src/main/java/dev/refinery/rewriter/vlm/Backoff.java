package dev.refinery.rewriter.vlm;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Waits between attempts: exponential with jitter, or the server's {@code Retry-After} seconds, under a ceiling. */
final class Backoff {
    private final Duration base;
    private final Duration max;

    Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /**
     * The wait before retry number {@code retry} (1-based). Without {@code Retry-After}: {@code base * 2^(retry-1)},
     * capped at the ceiling and jittered into its upper half. With {@code Retry-After} seconds: that wait, capped at
     * the ceiling (we still try once more rather than give up, since the attempts are few).
     */
    Duration delay(int retry, Optional<String> retryAfter) {
        long ceiling = max.toMillis();
        Optional<Long> asked = retryAfter.flatMap(Backoff::seconds);
        if (asked.isPresent()) {
            return Duration.ofMillis(Math.min(ceiling, asked.get()));
        }
        long exponential = Math.min(ceiling, base.toMillis() << Math.min(retry - 1, 20));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** {@code Retry-After} delta-seconds in milliseconds; empty when not a number (HTTP-dates are ignored). */
    private static Optional<Long> seconds(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 9 || !v.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(v) * 1_000);
    }
}
