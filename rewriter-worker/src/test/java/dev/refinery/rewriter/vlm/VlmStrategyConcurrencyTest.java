package dev.refinery.rewriter.vlm;

import static dev.refinery.rewriter.vlm.VlmTestSupport.MODEL;
import static dev.refinery.rewriter.vlm.VlmTestSupport.config;
import static dev.refinery.rewriter.vlm.VlmTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.rewriter.strategy.RewriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VlmStrategyConcurrencyTest {
    private static final int CALLERS = 50;
    private static final int MAX_CONCURRENCY = 8;

    private final OpenAiStubServer server = new OpenAiStubServer(MODEL, null);
    private final VlmStrategy strategy = new VlmStrategy(
            config(server).maxConcurrency(MAX_CONCURRENCY).build(), System::nanoTime, new RecordingSleeper());

    VlmStrategyConcurrencyTest() throws Exception {}

    @AfterEach
    void tearDown() {
        strategy.close();
        server.close();
    }

    @Test
    void shouldKeepAtMostMaxConcurrencyRequestsInFlightAndReachIt() throws Exception {
        server.fixedLatency(150);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RewriteResult>> results = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(CALLERS)) {
            for (int i = 0; i < CALLERS; i++) {
                results.add(callers.submit(() -> {
                    start.await();
                    return strategy.rewrite(request());
                }));
            }
            start.countDown();
            for (Future<RewriteResult> result : results) {
                assertThat(result.get()).isInstanceOf(RewriteResult.Rewritten.class);
            }
        }

        assertThat(server.requestCount()).isEqualTo(CALLERS);
        assertThat(strategy.peakInFlight()).isEqualTo(MAX_CONCURRENCY);
        assertThat(server.peakConcurrent()).isBetween(1, MAX_CONCURRENCY);
        assertThat(strategy.inFlight()).isZero();
    }
}
