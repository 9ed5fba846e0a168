package dev.refinery.ingest.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    @Test
    void shouldDoubleTheWaitWithJitterInItsUpperHalf() {
        for (int i = 0; i < 50; i++) {
            assertThat(backoff.delay(1, null, NOW))
                    .hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(100L, 200L));
            assertThat(backoff.delay(3, null, NOW))
                    .hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(400L, 800L));
            assertThat(backoff.delay(10, null, NOW))
                    .hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(5_000L, 10_000L));
        }
    }

    @Test
    void shouldWaitAtLeastWhatRetryAfterAsksUpToTheCeiling() {
        assertThat(backoff.delay(1, "3", NOW)).hasValue(Duration.ofSeconds(3));
        assertThat(backoff.delay(1, " 10 ", NOW)).hasValue(Duration.ofSeconds(10));
        assertThat(backoff.delay(1, "Wed, 01 Jan 2025 12:00:05 GMT", NOW)).hasValue(Duration.ofSeconds(5));
    }

    @Test
    void shouldGiveUpWhenRetryAfterAsksForMoreThanTheCeiling() {
        assertThat(backoff.delay(1, "11", NOW)).isEmpty();
        assertThat(backoff.delay(1, "3600", NOW)).isEmpty();
        assertThat(backoff.delay(1, "99999999999999999999999", NOW)).isEmpty();
        assertThat(backoff.delay(1, "Thu, 02 Jan 2025 12:00:00 GMT", NOW)).isEmpty();
    }

    @Test
    void shouldIgnoreUnreadableOrPastRetryAfter() {
        assertThat(Backoff.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter("-5", NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter("", NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter(null, NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter("Tue, 31 Dec 2024 12:00:00 GMT", NOW))
                .hasValue(Duration.ZERO);
        assertThat(backoff.delay(1, "soon", NOW))
                .hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(100L, 200L));
    }
}
