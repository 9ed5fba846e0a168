package dev.refinery.rewriter.vlm;

import dev.refinery.rewriter.strategy.RewriteRequest;
import dev.refinery.rewriter.strategy.RewriteResult;
import dev.refinery.rewriter.strategy.RewriteStrategy;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code vlm} strategy: asks a vision-language model behind an OpenAI-compatible chat-completions API (vLLM,
 * SGLang, Ollama, ...) to score the caption against the image and, when the score is low, to recaption it
 * ({@link AitqePrompt}); the answer is read by {@link VlmAnswerParser}.
 *
 * <p><b>Batching.</b> The chat-completions API has no multi-prompt request. vLLM and SGLang batch concurrent requests
 * on the GPU themselves (continuous batching), so concurrency is the batching mechanism: up to
 * {@link VlmConfig#maxConcurrency()} requests are kept in flight (a semaphore), and the worker should call
 * {@link #rewrite} from at least that many threads. Size it to the server's batch capacity ({@code --max-num-seqs}).
 *
 * <p><b>Failures.</b> {@link #rewrite} never throws; every failure is a {@link RewriteResult.Failed} with a reason from
 * {@link VlmReasons}. 408, 429 (honouring {@code Retry-After} seconds, capped at the backoff ceiling), 5xx, timeouts
 * and I/O errors are retried with exponential backoff and jitter; other 4xx are not. A malformed answer is not retried:
 * at temperature 0 the same request gives the same answer, so a retry only spends GPU time. Failed calls (after their
 * retries) with timeouts, 5xx, 429 or I/O errors count towards the {@link CircuitBreaker}; while it is open, calls fail
 * at once with {@code rewrite.circuit_open}, without fetching the image or sending a request.
 */
public final class VlmStrategy implements RewriteStrategy {
    /** The strategy name in the provenance. */
    public static final String NAME = "vlm";

    private static final Logger log = LoggerFactory.getLogger(VlmStrategy.class);

    private final ChatRequests requests;
    private final ChatClient client;
    private final VlmAnswerParser parser;
    private final CircuitBreaker breaker;

    /** A strategy with a real clock and real sleeps. */
    public VlmStrategy(VlmConfig config) {
        this(config, System::nanoTime, Sleeper.REAL);
    }

    VlmStrategy(VlmConfig config, LongSupplier nanoClock, Sleeper sleeper) {
        this.requests = new ChatRequests(config);
        this.client = new ChatClient(config, sleeper);
        this.parser = new VlmAnswerParser(config.model(), config.promptVersion(), config.scoreThreshold());
        this.breaker = new CircuitBreaker(
                "vlm " + config.baseUrl(), config.breakerFailures(), config.breakerOpenDuration(), nanoClock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RewriteResult rewrite(RewriteRequest request) {
        if (!breaker.tryAcquire()) {
            return new RewriteResult.Failed(VlmReasons.CIRCUIT_OPEN, "circuit open after repeated backend failures");
        }
        RewriteResult result;
        try {
            result = call(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new RewriteResult.Failed(VlmReasons.INTERRUPTED, "interrupted while waiting for the model");
        } catch (RuntimeException e) {
            log.warn("Pair {}: unexpected error in the vlm strategy", request.pairId(), e);
            result = new RewriteResult.Failed(VlmReasons.INTERNAL_ERROR, e.toString());
        }
        tellBreaker(result);
        if (result instanceof RewriteResult.Failed failed) {
            log.debug("Pair {}: vlm gave no rewrite: {} ({})", request.pairId(), failed.reason(), failed.message());
        }
        return result;
    }

    private RewriteResult call(RewriteRequest request) throws InterruptedException {
        String imageUrl;
        try {
            imageUrl = requests.imageUrl(request.image());
        } catch (Exception e) {
            return new RewriteResult.Failed(VlmReasons.IMAGE_UNAVAILABLE, e.toString());
        }
        String body = requests.body(request.caption(), imageUrl);
        return switch (client.post(body, request.pairId())) {
            case ChatOutcome.Failure f -> new RewriteResult.Failed(f.reason(), f.message());
            case ChatOutcome.Answer a ->
                ChatRequests.content(a.body())
                        .map(content -> parser.interpret(content, request.caption()))
                        .orElseGet(() -> new RewriteResult.Failed(
                                VlmReasons.MALFORMED_ANSWER,
                                "no choices[0].message.content in: " + VlmAnswerParser.excerpt(a.body())));
        };
    }

    /** Tells the breaker how the backend did: timeouts and errors count against it, any answer (or 4xx) for it. */
    private void tellBreaker(RewriteResult result) {
        String reason = result instanceof RewriteResult.Failed f ? f.reason() : "";
        switch (reason) {
            case VlmReasons.BACKEND_TIMEOUT, VlmReasons.BACKEND_ERROR -> breaker.onFailure();
            case VlmReasons.IMAGE_UNAVAILABLE, VlmReasons.INTERRUPTED, VlmReasons.INTERNAL_ERROR -> breaker.onNeutral();
            default -> breaker.onSuccess();
        }
    }

    /** Requests on the wire now, for a gauge. */
    public int inFlight() {
        return client.inFlight();
    }

    /** The most requests ever on the wire at once; never above {@link VlmConfig#maxConcurrency()}. */
    public int peakInFlight() {
        return client.peakInFlight();
    }

    /** The circuit breaker's state, for a gauge. */
    public CircuitBreaker.State circuitState() {
        return breaker.state();
    }

    /** How many times the circuit has opened, for a counter. */
    public long circuitOpenings() {
        return breaker.openings();
    }

    @Override
    public void close() {
        client.close();
    }
}
