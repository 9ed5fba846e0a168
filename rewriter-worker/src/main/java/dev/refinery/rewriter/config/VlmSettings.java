package dev.refinery.rewriter.config;

import dev.refinery.rewriter.vlm.ImageMode;
import dev.refinery.rewriter.vlm.VlmConfig;
import dev.refinery.rewriter.vlm.VlmConfigBuilder;
import dev.refinery.runtime.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Reads the {@code REFINERY_REWRITER_VLM_*} keys into a {@link VlmConfig}; empty without a URL. */
public final class VlmSettings {
    private VlmSettings() {}

    public static Optional<VlmConfig> fromEnv(Env env) {
        Optional<String> url = env.get("REFINERY_REWRITER_VLM_URL").filter(u -> !u.isBlank());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        VlmConfigBuilder b =
                VlmConfig.builder(URI.create(url.get()), env.string("REFINERY_REWRITER_VLM_MODEL", "aitqe"));
        env.get("REFINERY_REWRITER_VLM_API_KEY").ifPresent(b::apiKey);
        b.imageMode(ImageMode.parse(env.string("REFINERY_REWRITER_VLM_IMAGE_MODE", "data_url")))
                .requestTimeout(env.millis("REFINERY_REWRITER_VLM_TIMEOUT_MS", Duration.ofSeconds(60)))
                .maxConcurrency(env.integer("REFINERY_REWRITER_VLM_MAX_CONCURRENCY", 8))
                .maxAttempts(env.integer("REFINERY_REWRITER_VLM_MAX_ATTEMPTS", 3))
                .breaker(
                        env.integer("REFINERY_REWRITER_VLM_BREAKER_FAILURES", 5),
                        env.millis("REFINERY_REWRITER_VLM_BREAKER_OPEN_MS", Duration.ofSeconds(30)))
                .jsonResponseFormat(env.bool("REFINERY_REWRITER_VLM_JSON_RESPONSE_FORMAT", true))
                .scoreThreshold(Double.parseDouble(env.string("REFINERY_REWRITER_VLM_SCORE_THRESHOLD", "6")));
        return Optional.of(b.build());
    }
}
