package dev.refinery.ingest.download;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Waits between attempts: exponential backoff with jitter, or the server's {@code Retry-After}, under a ceiling. */
final class Backoff {
    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /**
     * The wait before retry number {@code retry} (1-based): {@code initial * 2^(retry-1)}, capped, jittered into its
     * upper half; at least what {@code retryAfter} asks for. Empty when {@code Retry-After} asks for longer than the
     * ceiling: then the server does not want us back soon, and we give up rather than hammer it.
     */
    Optional<Duration> delay(int retry, String retryAfter, Instant now) {
        long ceiling = max.toMillis();
        long exponential = Math.min(ceiling, initial.toMillis() << Math.min(retry - 1, 20));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        Optional<Duration> asked = parseRetryAfter(retryAfter, now);
        if (asked.isPresent() && asked.get().toMillis() > ceiling) {
            return Optional.empty();
        }
        long wait = Math.max(jittered, asked.map(Duration::toMillis).orElse(0L));
        return Optional.of(Duration.ofMillis(wait));
    }

    /** {@code Retry-After} as delta-seconds or an HTTP-date; empty when absent or unreadable, never negative. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000));
            }
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
