package dev.refinery.rewriter.vlm;

import dev.refinery.rewriter.strategy.ImageAccess;
import dev.refinery.rewriter.strategy.RewriteRequest;
import dev.refinery.rewriter.strategy.RewriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the vlm tests. */
final class VlmTestSupport {
    static final String MODEL = "HymanH/AITQE";
    static final String CAPTION = "IMG_0042.JPG";

    private VlmTestSupport() {}

    /** Fast settings against {@code server}: 2 s request timeout, 1-20 ms backoff, 3 attempts. */
    static VlmConfigBuilder config(OpenAiStubServer server) {
        return VlmConfig.builder(server.baseUrl(), MODEL)
                .requestTimeout(Duration.ofSeconds(2))
                .connectTimeout(Duration.ofSeconds(2))
                .backoff(Duration.ofMillis(1), Duration.ofMillis(20));
    }

    static RewriteRequest request(ImageAccess image) {
        return new RewriteRequest("pair-1", CAPTION, Map.of(), List.of("boilerplate_caption"), image);
    }

    static RewriteRequest request() {
        return request(TestImage.jpeg());
    }

    static String reason(RewriteResult result) {
        return result instanceof RewriteResult.Failed f ? f.reason() : "rewritten";
    }
}
