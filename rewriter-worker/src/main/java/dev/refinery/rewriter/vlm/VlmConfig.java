package dev.refinery.rewriter.vlm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of {@link VlmStrategy}, an OpenAI-compatible chat-completions client. Build with
 * {@link #builder(URI, String)}; the defaults are listed on {@link VlmConfigBuilder}.
 *
 * @param baseUrl API root without the trailing slash, e.g. {@code http://localhost:8000/v1}
 * @param model model name sent in every request and recorded in the provenance
 * @param apiKey sent as {@code Authorization: Bearer <key>} when present
 * @param imageMode inline data URL or presigned URL
 * @param presignTtl lifetime of presigned URLs ({@link ImageMode#PRESIGNED_URL} only)
 * @param connectTimeout limit on opening a connection
 * @param requestTimeout limit on one whole exchange, from sending to the last byte of the answer
 * @param maxConcurrency requests in flight at once; vLLM and SGLang batch concurrent requests on the GPU
 * @param maxAttempts attempts per rewrite, including the first, on 408, 429, 5xx, timeouts and I/O errors
 * @param backoffBase wait before the second attempt, doubled for each further one, with jitter
 * @param backoffMax ceiling of any wait, including one asked for by {@code Retry-After}
 * @param breakerFailures consecutive failed rewrites (after their retries) that open the circuit
 * @param breakerOpenDuration how long an open circuit refuses requests before one trial request
 * @param temperature sampling temperature; 0 makes answers repeatable
 * @param maxTokens {@code max_tokens} of the answer
 * @param jsonResponseFormat send {@code response_format: {"type": "json_object"}} (not every server supports it)
 * @param scoreThreshold an overall score below this means the caption is poor and the recaption is used
 * @param promptVersion prompt template version, recorded in the provenance; see {@link AitqePrompt}
 */
public record VlmConfig(
        URI baseUrl,
        String model,
        Optional<String> apiKey,
        ImageMode imageMode,
        Duration presignTtl,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxConcurrency,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        int breakerFailures,
        Duration breakerOpenDuration,
        double temperature,
        int maxTokens,
        boolean jsonResponseFormat,
        double scoreThreshold,
        String promptVersion) {

    public VlmConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = Optional.ofNullable(baseUrl.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got " + baseUrl);
        }
        baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        apiKey = Objects.requireNonNull(apiKey, "apiKey").filter(k -> !k.isBlank());
        Objects.requireNonNull(imageMode, "imageMode");
        requirePositive("presignTtl", presignTtl);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        requireRange("maxConcurrency", maxConcurrency, 1, 10_000);
        requireRange("maxAttempts", maxAttempts, 1, 20);
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        if (backoffBase.isNegative() || backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffBase must be >= 0 and <= backoffMax");
        }
        requireRange("breakerFailures", breakerFailures, 1, 100_000);
        requirePositive("breakerOpenDuration", breakerOpenDuration);
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
        }
        requireRange("maxTokens", maxTokens, 16, 32_768);
        if (!(scoreThreshold >= 0 && scoreThreshold <= 10)) {
            throw new IllegalArgumentException("scoreThreshold must be in [0, 10], got " + scoreThreshold);
        }
        if (!AitqePrompt.supports(promptVersion)) {
            throw new IllegalArgumentException(
                    "promptVersion must be one of " + AitqePrompt.VERSIONS + ", got '" + promptVersion + "'");
        }
    }

    /** A builder with the defaults, for this server and model. */
    public static VlmConfigBuilder builder(URI baseUrl, String model) {
        return new VlmConfigBuilder(baseUrl, model);
    }

    /** The chat-completions endpoint, {@code <baseUrl>/chat/completions}. */
    public URI chatCompletionsUri() {
        return URI.create(baseUrl + "/chat/completions");
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
