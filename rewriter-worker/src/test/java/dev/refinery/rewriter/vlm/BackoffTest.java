package dev.refinery.rewriter.vlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void shouldDoubleTheWaitWithJitterUnderTheCeiling() {
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.delay(1, Optional.empty())).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(backoff.delay(3, Optional.empty())).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
            assertThat(backoff.delay(30, Optional.empty())).isBetween(Duration.ofMillis(2_500), Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldHonourRetryAfterSecondsCappedAtTheCeiling() {
        assertThat(backoff.delay(1, Optional.of("2"))).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(1, Optional.of("3600"))).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(1, Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")))
                .isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }
}
