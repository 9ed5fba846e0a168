package dev.refinery.rewriter.vlm;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs chat-completions requests with bounded concurrency and retries: 408, 429 and 5xx, timeouts and I/O errors are
 * retried up to {@link VlmConfig#maxAttempts()} with backoff; other statuses end the call. A concurrency permit is held
 * only while a request is on the wire, not during backoff.
 */
final class ChatClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatClient.class);

    private final VlmConfig config;
    private final HttpClient http;
    private final Semaphore permits;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    ChatClient(VlmConfig config, Sleeper sleeper) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.permits = new Semaphore(config.maxConcurrency(), true);
        this.backoff = new Backoff(config.backoffBase(), config.backoffMax());
        this.sleeper = sleeper;
    }

    ChatOutcome post(String body, String pairId) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.chatCompletionsUri())
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        config.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            ChatOutcome.Failure failure;
            Optional<String> retryAfter = Optional.empty();
            try {
                HttpResponse<String> response = send(request);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new ChatOutcome.Answer(response.body());
                }
                String detail = "HTTP " + status + ": " + VlmAnswerParser.excerpt(response.body());
                if (!(status == 408 || status == 429 || status >= 500)) {
                    return new ChatOutcome.Failure(VlmReasons.BACKEND_REJECTED, detail, false);
                }
                failure = new ChatOutcome.Failure(VlmReasons.BACKEND_ERROR, detail, true);
                retryAfter = response.headers().firstValue("Retry-After");
            } catch (HttpTimeoutException e) {
                String detail = "no answer within " + config.requestTimeout().toMillis() + " ms: " + e.getMessage();
                failure = new ChatOutcome.Failure(VlmReasons.BACKEND_TIMEOUT, detail, true);
            } catch (IOException e) {
                String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
                failure = new ChatOutcome.Failure(VlmReasons.BACKEND_ERROR, detail, true);
            }
            if (attempt >= config.maxAttempts()) {
                return failure;
            }
            Duration wait = backoff.delay(attempt, retryAfter);
            log.debug(
                    "Pair {}: attempt {} failed ({}), retrying in {} ms",
                    pairId,
                    attempt,
                    failure.message(),
                    wait.toMillis());
            sleeper.sleep(wait);
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    int peakInFlight() {
        return peakInFlight.get();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        permits.acquire();
        try {
            peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } finally {
            inFlight.decrementAndGet();
            permits.release();
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
