package dev.refinery.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

    @Test
    void shouldRefuseARequestThatDoesNotFitInsteadOfQueueingIt() {
        InFlightLimiter limiter = new InFlightLimiter(10 * 1024);

        int first = limiter.tryAcquire(8 * 1024);
        int second = limiter.tryAcquire(4 * 1024);

        assertThat(first).isPositive();
        assertThat(second).as("does not fit next to the first").isEqualTo(-1);
        limiter.release(first);
        assertThat(limiter.tryAcquire(4 * 1024)).isPositive();
    }

    @Test
    void shouldCapARequestLargerThanTheWholeBudgetAtTheBudget() {
        InFlightLimiter limiter = new InFlightLimiter(4 * 1024);

        assertThat(limiter.tryAcquire(1L << 40)).isEqualTo(4);
        assertThat(limiter.availableBytes()).isZero();
    }
}
