package dev.refinery.ingest.download;

import static dev.refinery.ingest.download.TestSupport.IMAGE;
import static dev.refinery.ingest.download.TestSupport.LOOPBACK;
import static dev.refinery.ingest.download.TestSupport.downloader;
import static dev.refinery.ingest.download.TestSupport.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlDownloaderRobotsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestServer server = new TestServer();
    private final UrlDownloader downloader = downloader(LOOPBACK, registry);

    UrlDownloaderRobotsTest() throws Exception {}

    @AfterEach
    void tearDown() {
        downloader.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"noai", "NoImageAI", "noindex, noai", "refinery: noimageai", "*: noai"})
    void shouldRefuseAnImageWhoseXRobotsTagOptsOutOfAi(String header) {
        server.route("/opted-out", (ex, hit) -> TestServer.send(ex, 200, IMAGE, "X-Robots-Tag", header));

        assertThat(refusal(downloader, server.uri("/opted-out"))).isEqualTo(DownloadReasons.ROBOTS_NOAI);
        assertThat(TestSupport.count(registry, DownloadReasons.ROBOTS_NOAI, "loopback"))
                .isEqualTo(1.0);
    }

    @Test
    void shouldReadEveryXRobotsTagHeader() {
        server.route(
                "/two-headers",
                (ex, hit) -> TestServer.send(
                        ex, 200, IMAGE, "X-Robots-Tag", "otherbot: noindex", "x-robots-tag", "noimageai"));

        assertThat(refusal(downloader, server.uri("/two-headers"))).isEqualTo(DownloadReasons.ROBOTS_NOAI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"noindex", "otherbot: noai", "googlebot: noindex, noimageai", "max-image-preview:large"})
    void shouldDownloadWhenTheOptOutIsAbsentOrForAnotherAgent(String header) throws Exception {
        server.route("/fine", (ex, hit) -> TestServer.send(ex, 200, IMAGE, "X-Robots-Tag", header));

        assertThat(downloader.fetch(server.uri("/fine")).bytes()).isEqualTo(IMAGE);
    }

    @Test
    void shouldIgnoreTheOptOutWhenRespectNoAiIsOff() throws Exception {
        server.route("/opted-out", (ex, hit) -> TestServer.send(ex, 200, IMAGE, "X-Robots-Tag", "noai"));

        try (var careless = downloader(LOOPBACK.toBuilder().respectNoAi(false).build(), registry)) {
            assertThat(careless.fetch(server.uri("/opted-out")).bytes()).isEqualTo(IMAGE);
        }
    }
}
