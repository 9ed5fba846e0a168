package dev.refinery.rewriter.vlm;

import static dev.refinery.rewriter.vlm.VlmTestSupport.MODEL;
import static dev.refinery.rewriter.vlm.VlmTestSupport.config;
import static dev.refinery.rewriter.vlm.VlmTestSupport.reason;
import static dev.refinery.rewriter.vlm.VlmTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.rewriter.strategy.RewriteResult;
import dev.refinery.rewriter.vlm.CircuitBreaker.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VlmStrategyCircuitTest {
    private final OpenAiStubServer server = new OpenAiStubServer(MODEL, null);
    private final AtomicLong nanos = new AtomicLong();
    private final VlmStrategy strategy = new VlmStrategy(
            config(server).maxAttempts(2).breaker(5, Duration.ofSeconds(30)).build(),
            nanos::get,
            new RecordingSleeper());

    VlmStrategyCircuitTest() throws Exception {}

    @AfterEach
    void tearDown() {
        strategy.close();
        server.close();
    }

    @Test
    void shouldOpenAfterFiveFailedRewritesAndShortCircuitWithoutRequests() {
        server.always(StubReply.error(503, "Service Unavailable"));

        for (int i = 0; i < 5; i++) {
            assertThat(reason(strategy.rewrite(request()))).isEqualTo("rewrite.backend_error");
        }
        assertThat(strategy.circuitState()).isEqualTo(State.OPEN);
        assertThat(server.requestCount()).isEqualTo(10);

        assertThat(reason(strategy.rewrite(request()))).isEqualTo("rewrite.circuit_open");
        assertThat(reason(strategy.rewrite(request(TestImage.missing())))).isEqualTo("rewrite.circuit_open");
        assertThat(server.requestCount()).isEqualTo(10);
        assertThat(strategy.circuitOpenings()).isEqualTo(1);
    }

    @Test
    void shouldHalfOpenAfterTheOpenDurationAndCloseOnSuccess() {
        server.always(StubReply.error(503, "Service Unavailable"));
        for (int i = 0; i < 5; i++) {
            strategy.rewrite(request());
        }
        server.always(StubReply.good());
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(strategy.circuitState()).isEqualTo(State.HALF_OPEN);
        assertThat(strategy.rewrite(request())).isInstanceOf(RewriteResult.Rewritten.class);
        assertThat(strategy.circuitState()).isEqualTo(State.CLOSED);
        assertThat(strategy.rewrite(request())).isInstanceOf(RewriteResult.Rewritten.class);
    }

    @Test
    void shouldReopenWhenTheTrialTimesOutOrFails() {
        server.always(StubReply.error(500, "boom"));
        for (int i = 0; i < 5; i++) {
            strategy.rewrite(request());
        }
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());

        assertThat(reason(strategy.rewrite(request()))).isEqualTo("rewrite.backend_error");

        assertThat(strategy.circuitState()).isEqualTo(State.OPEN);
        assertThat(strategy.circuitOpenings()).isEqualTo(2);
        assertThat(reason(strategy.rewrite(request()))).isEqualTo("rewrite.circuit_open");
    }

    @Test
    void shouldNotCountMalformedAnswersAgainstTheBackend() {
        server.always(StubReply.answer("I refuse."));

        for (int i = 0; i < 8; i++) {
            assertThat(reason(strategy.rewrite(request()))).isEqualTo("rewrite.malformed_answer");
        }
        assertThat(strategy.circuitState()).isEqualTo(State.CLOSED);
    }
}
