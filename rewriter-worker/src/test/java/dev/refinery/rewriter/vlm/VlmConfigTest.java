package dev.refinery.rewriter.vlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VlmConfigTest {
    private static final URI BASE = URI.create("http://localhost:8000/v1/");

    @Test
    void shouldApplyTheDocumentedDefaults() {
        VlmConfig c = VlmConfig.builder(BASE, "Qwen/Qwen2-VL-7B-Instruct").build();

        assertThat(c.chatCompletionsUri()).isEqualTo(URI.create("http://localhost:8000/v1/chat/completions"));
        assertThat(c.apiKey()).isEmpty();
        assertThat(c.imageMode()).isEqualTo(ImageMode.DATA_URL);
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.maxConcurrency()).isEqualTo(8);
        assertThat(c.maxAttempts()).isEqualTo(3);
        assertThat(c.backoffBase()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.backoffMax()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.breakerFailures()).isEqualTo(5);
        assertThat(c.breakerOpenDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.temperature()).isZero();
        assertThat(c.maxTokens()).isEqualTo(256);
        assertThat(c.jsonResponseFormat()).isTrue();
        assertThat(c.scoreThreshold()).isEqualTo(6.0);
        assertThat(c.promptVersion()).isEqualTo("aitqe/1");
    }

    @Test
    void shouldRejectInvalidSettings() {
        assertThatThrownBy(
                        () -> VlmConfig.builder(URI.create("ftp://x/v1"), "m").build())
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> VlmConfig.builder(BASE, " ").build()).hasMessageContaining("model");
        assertThatThrownBy(() -> VlmConfig.builder(BASE, "m").maxConcurrency(0).build())
                .hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> VlmConfig.builder(BASE, "m").maxAttempts(0).build())
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> VlmConfig.builder(BASE, "m")
                        .backoff(Duration.ofSeconds(6), Duration.ofSeconds(5))
                        .build())
                .hasMessageContaining("backoff");
        assertThatThrownBy(() -> VlmConfig.builder(BASE, "m")
                        .requestTimeout(Duration.ZERO)
                        .build())
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> VlmConfig.builder(BASE, "m").scoreThreshold(11).build())
                .hasMessageContaining("scoreThreshold");
        assertThatThrownBy(() ->
                        VlmConfig.builder(BASE, "m").promptVersion("aitqe/9").build())
                .hasMessageContaining("promptVersion");
    }

    @Test
    void shouldTreatABlankApiKeyAsNone() {
        assertThat(VlmConfig.builder(BASE, "m").apiKey(" ").build().apiKey()).isEmpty();
    }

    @Test
    void shouldParseImageModes() {
        assertThat(ImageMode.parse("presigned-url")).isEqualTo(ImageMode.PRESIGNED_URL);
        assertThat(ImageMode.parse("DATA_URL")).isEqualTo(ImageMode.DATA_URL);
        assertThatThrownBy(() -> ImageMode.parse("inline")).isInstanceOf(IllegalArgumentException.class);
    }
}
