package dev.refinery.rewriter.vlm;

import static dev.refinery.rewriter.vlm.VlmTestSupport.MODEL;
import static dev.refinery.rewriter.vlm.VlmTestSupport.config;
import static dev.refinery.rewriter.vlm.VlmTestSupport.reason;
import static dev.refinery.rewriter.vlm.VlmTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.rewriter.strategy.RewriteResult;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VlmStrategyRetryTest {
    private final OpenAiStubServer server = new OpenAiStubServer(MODEL, null);
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private VlmStrategy strategy = strategy(config(server).build());

    VlmStrategyRetryTest() throws Exception {}

    @AfterEach
    void tearDown() {
        strategy.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408})
    void shouldRetryAServerErrorAndSucceed(int status) {
        server.enqueue(StubReply.error(status, "engine busy"));

        assertThat(strategy.rewrite(request())).isInstanceOf(RewriteResult.Rewritten.class);
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void shouldGiveUpOnAPersistent503AfterMaxAttempts() {
        server.always(StubReply.error(503, "Service Unavailable"));

        RewriteResult result = strategy.rewrite(request());

        assertThat(reason(result)).isEqualTo("rewrite.backend_error");
        assertThat(((RewriteResult.Failed) result).message()).contains("503", "Service Unavailable");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(sleeper.waits()).hasSize(2);
    }

    @Test
    void shouldHonourRetryAfterOnA429() {
        strategy.close();
        strategy = strategy(config(server)
                .backoff(Duration.ofMillis(1), Duration.ofSeconds(5))
                .build());
        server.enqueue(StubReply.error(429, "rate limited").withHeader("Retry-After", "2"));

        assertThat(strategy.rewrite(request())).isInstanceOf(RewriteResult.Rewritten.class);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void shouldCapALongRetryAfterAtTheBackoffCeiling() {
        server.enqueue(StubReply.error(429, "rate limited").withHeader("Retry-After", "3600"));

        assertThat(strategy.rewrite(request())).isInstanceOf(RewriteResult.Rewritten.class);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(20));
    }

    @Test
    void shouldReportASlowAnswerAsBackendTimeoutAfterRetrying() {
        strategy.close();
        strategy = strategy(config(server)
                .requestTimeout(Duration.ofMillis(300))
                .maxAttempts(2)
                .build());
        server.always(StubReply.good().delayed(3_000));

        assertThat(reason(strategy.rewrite(request()))).isEqualTo("rewrite.backend_timeout");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 413, 422})
    void shouldNotRetryARejectedRequest(int status) {
        server.enqueue(StubReply.error(status, "This model's maximum context length is 4096 tokens"));

        RewriteResult result = strategy.rewrite(request());

        assertThat(reason(result)).isEqualTo("rewrite.backend_rejected");
        assertThat(((RewriteResult.Failed) result).message()).contains(Integer.toString(status), "context length");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
        assertThat(strategy.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldBeRejectedByAServerThatWantsAnApiKeyWeDoNotSend() throws Exception {
        try (OpenAiStubServer secured = new OpenAiStubServer(MODEL, "sk-secret");
                VlmStrategy noKey = strategy(config(secured).build())) {
            RewriteResult result = noKey.rewrite(request());

            assertThat(reason(result)).isEqualTo("rewrite.backend_rejected");
            assertThat(((RewriteResult.Failed) result).message()).contains("401");
        }
    }

    @Test
    void shouldRetryAndReportABackendThatRefusesConnections() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (VlmStrategy unreachable =
                strategy(VlmConfig.builder(URI.create("http://127.0.0.1:" + port + "/v1/"), MODEL)
                        .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                        .build())) {
            RewriteResult result = unreachable.rewrite(request());

            assertThat(reason(result)).isEqualTo("rewrite.backend_error");
            assertThat(((RewriteResult.Failed) result).message()).contains("ConnectException");
            assertThat(sleeper.waits()).hasSize(2);
        }
    }

    private VlmStrategy strategy(VlmConfig config) {
        return new VlmStrategy(config, System::nanoTime, sleeper);
    }
}
