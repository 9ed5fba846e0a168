package dev.refinery.ingest.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DownloaderConfigTest {

    @Test
    void shouldDefaultToSafeSettingsForThePublicWeb() {
        DownloaderConfig c = DownloaderConfig.defaults();

        assertThat(c.maxConcurrency()).isEqualTo(64);
        assertThat(c.maxPerHost()).isEqualTo(8);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.maxBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(c.maxRetries()).isEqualTo(2);
        assertThat(c.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.maxRedirects()).isEqualTo(5);
        assertThat(c.userAgent()).isEqualTo("Refinery/0.1 (+image-text curation; respects X-Robots-Tag noai)");
        assertThat(c.allowPrivateAddresses()).isFalse();
        assertThat(c.allowLoopback()).isFalse();
        assertThat(c.respectNoAi()).isTrue();
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void shouldRefuseSettingsOutOfRange() {
        var b = DownloaderConfig.defaults();
        assertThatThrownBy(() -> b.toBuilder().maxConcurrency(0).build()).hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> b.toBuilder().maxPerHost(0).build()).hasMessageContaining("maxPerHost");
        assertThatThrownBy(() -> b.toBuilder().readTimeout(Duration.ZERO).build())
                .hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> b.toBuilder().connectTimeout(null).build()).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> b.toBuilder().maxBytes(0).build()).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> b.toBuilder().maxRetries(-1).build()).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> b.toBuilder().maxRedirects(-1).build()).hasMessageContaining("maxRedirects");
        assertThatThrownBy(() -> b.toBuilder()
                        .initialBackoff(Duration.ofSeconds(5))
                        .maxBackoff(Duration.ofSeconds(1))
                        .build())
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> b.toBuilder().userAgent(" ").build()).hasMessageContaining("userAgent");
        assertThatThrownBy(() -> b.toBuilder().userAgent("bot\r\nX-Evil: 1").build())
                .hasMessageContaining("userAgent");
    }
}
