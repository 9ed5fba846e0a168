package dev.refinery.ingest.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostLimiterTest {

    @Test
    void shouldBlockABusyHostWithoutBlockingOthers() throws Exception {
        var limiter = new HostLimiter(1);
        limiter.acquire("a.example");
        var acquiredB = new CountDownLatch(1);
        var acquiredA = new CountDownLatch(1);

        Thread.ofVirtual().start(() -> run(limiter, "b.example", acquiredB));
        Thread waiter = Thread.ofVirtual().start(() -> run(limiter, "a.example", acquiredA));

        assertThat(acquiredB.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(acquiredA.await(200, TimeUnit.MILLISECONDS)).isFalse();
        limiter.release("a.example");
        assertThat(acquiredA.await(5, TimeUnit.SECONDS)).isTrue();
        waiter.join();
    }

    @Test
    void shouldForgetHostsNobodyHoldsOrAwaits() throws Exception {
        var limiter = new HostLimiter(2);
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("host" + i + ".example");
            limiter.release("host" + i + ".example");
        }
        limiter.acquire("kept.example");

        assertThat(limiter.trackedHosts()).isEqualTo(1);
        limiter.release("kept.example");
        assertThat(limiter.trackedHosts()).isZero();
    }

    @Test
    void shouldForgetAWaiterThatIsInterrupted() throws Exception {
        var limiter = new HostLimiter(1);
        limiter.acquire("a.example");
        Thread waiter = Thread.ofVirtual().start(() -> run(limiter, "a.example", new CountDownLatch(1)));
        Thread.sleep(50);

        waiter.interrupt();
        waiter.join();
        limiter.release("a.example");

        assertThat(limiter.trackedHosts()).isZero();
    }

    private static void run(HostLimiter limiter, String host, CountDownLatch acquired) {
        try {
            limiter.acquire(host);
            acquired.countDown();
            limiter.release(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
