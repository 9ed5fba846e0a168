package dev.refinery.rewriter.vlm;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Mutable builder of {@link VlmConfig}; {@link #build()} validates. Defaults: no API key, {@link ImageMode#DATA_URL},
 * presigned URLs valid 10 min, connect timeout 5 s, request timeout 60 s, 8 requests in flight, 3 attempts, backoff
 * 200 ms doubling to at most 5 s, circuit opens after 5 consecutive failures for 30 s, temperature 0, 256 tokens,
 * {@code response_format} json_object on, score threshold 6, prompt {@link AitqePrompt#PROMPT_VERSION}.
 */
public final class VlmConfigBuilder {
    private final URI baseUrl;
    private final String model;
    private Optional<String> apiKey = Optional.empty();
    private ImageMode imageMode = ImageMode.DATA_URL;
    private Duration presignTtl = Duration.ofMinutes(10);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private int maxConcurrency = 8;
    private int maxAttempts = 3;
    private Duration backoffBase = Duration.ofMillis(200);
    private Duration backoffMax = Duration.ofSeconds(5);
    private int breakerFailures = 5;
    private Duration breakerOpenDuration = Duration.ofSeconds(30);
    private double temperature = 0;
    private int maxTokens = 256;
    private boolean jsonResponseFormat = true;
    private double scoreThreshold = 6;
    private String promptVersion = AitqePrompt.PROMPT_VERSION;

    VlmConfigBuilder(URI baseUrl, String model) {
        this.baseUrl = baseUrl;
        this.model = model;
    }

    public VlmConfigBuilder apiKey(String value) {
        apiKey = Optional.ofNullable(value);
        return this;
    }

    public VlmConfigBuilder imageMode(ImageMode value) {
        imageMode = value;
        return this;
    }

    public VlmConfigBuilder presignTtl(Duration value) {
        presignTtl = value;
        return this;
    }

    public VlmConfigBuilder connectTimeout(Duration value) {
        connectTimeout = value;
        return this;
    }

    public VlmConfigBuilder requestTimeout(Duration value) {
        requestTimeout = value;
        return this;
    }

    public VlmConfigBuilder maxConcurrency(int value) {
        maxConcurrency = value;
        return this;
    }

    public VlmConfigBuilder maxAttempts(int value) {
        maxAttempts = value;
        return this;
    }

    public VlmConfigBuilder backoff(Duration base, Duration max) {
        backoffBase = base;
        backoffMax = max;
        return this;
    }

    public VlmConfigBuilder breaker(int failures, Duration openDuration) {
        breakerFailures = failures;
        breakerOpenDuration = openDuration;
        return this;
    }

    public VlmConfigBuilder temperature(double value) {
        temperature = value;
        return this;
    }

    public VlmConfigBuilder maxTokens(int value) {
        maxTokens = value;
        return this;
    }

    public VlmConfigBuilder jsonResponseFormat(boolean value) {
        jsonResponseFormat = value;
        return this;
    }

    public VlmConfigBuilder scoreThreshold(double value) {
        scoreThreshold = value;
        return this;
    }

    public VlmConfigBuilder promptVersion(String value) {
        promptVersion = value;
        return this;
    }

    public VlmConfig build() {
        return new VlmConfig(
                baseUrl,
                model,
                apiKey,
                imageMode,
                presignTtl,
                connectTimeout,
                requestTimeout,
                maxConcurrency,
                maxAttempts,
                backoffBase,
                backoffMax,
                breakerFailures,
                breakerOpenDuration,
                temperature,
                maxTokens,
                jsonResponseFormat,
                scoreThreshold,
                promptVersion);
    }
}
