package dev.refinery.rewriter.vlm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.rewriter.vlm.CircuitBreaker.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final AtomicLong nanos = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker("test", 3, Duration.ofSeconds(30), nanos::get);

    @Test
    void shouldOpenAfterConsecutiveFailuresOnly() {
        fail(2);
        breaker.tryAcquire();
        breaker.onSuccess();
        fail(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);

        fail(1);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.openings()).isEqualTo(1);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void shouldLetOneTrialThroughAfterTheOpenDurationAndCloseOnSuccess() {
        fail(3);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(breaker.tryAcquire()).isFalse();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void shouldReopenWhenTheTrialFails() {
        fail(3);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.openings()).isEqualTo(2);
    }

    @Test
    void shouldAllowAnotherTrialWhenTheTrialSaidNothing() {
        fail(3);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onNeutral();

        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }
}
