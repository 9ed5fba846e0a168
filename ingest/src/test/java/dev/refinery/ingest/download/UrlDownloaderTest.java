package dev.refinery.ingest.download;

import static dev.refinery.ingest.download.TestSupport.IMAGE;
import static dev.refinery.ingest.download.TestSupport.LOOPBACK;
import static dev.refinery.ingest.download.TestSupport.count;
import static dev.refinery.ingest.download.TestSupport.downloader;
import static dev.refinery.ingest.download.TestSupport.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.ingest.validate.RejectedInputException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlDownloaderTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestServer server;
    private final UrlDownloader downloader = downloader(LOOPBACK, registry);
    private final AtomicReference<String> userAgent = new AtomicReference<>();

    UrlDownloaderTest() throws Exception {
        server = new TestServer().route("/image.png", (ex, hit) -> {
            userAgent.set(ex.getRequestHeaders().getFirst("User-Agent"));
            TestServer.send(ex, 200, IMAGE, "Content-Type", "image/png");
        });
    }

    @AfterEach
    void tearDown() {
        downloader.close();
        server.close();
    }

    @Test
    void shouldDownloadAnImageWithItsContentTypeAndCountIt() throws Exception {
        Download d = downloader.fetch(server.uri("/image.png"));

        assertThat(d.bytes()).isEqualTo(IMAGE);
        assertThat(d.contentType()).isEqualTo("image/png");
        assertThat(d.finalUri()).isEqualTo(server.uri("/image.png"));
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.elapsed()).isPositive();
        assertThat(userAgent.get()).isEqualTo(DownloaderConfig.DEFAULT_USER_AGENT);
        assertThat(count(registry, "ok", "loopback")).isEqualTo(1.0);
        assertThat(registry.get(DownloadMetrics.DURATION)
                        .tag("outcome", "ok")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(DownloadMetrics.IN_FLIGHT).gauge().value()).isZero();
    }

    @Test
    void shouldRefuseLoopbackByDefaultBeforeConnecting() {
        try (var strict = downloader(DownloaderConfig.defaults(), registry)) {
            assertThat(refusal(strict, server.uri("/image.png"))).isEqualTo(DownloadReasons.REFUSED_ADDRESS);
        }
        assertThat(server.hits("/image.png")).isZero();
        assertThat(count(registry, DownloadReasons.REFUSED_ADDRESS, "loopback")).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 304, 400, 401, 403, 404, 405, 410, 451})
    void shouldReportClientErrorsWithoutRetrying(int status) {
        byte[] page = status == 304 ? new byte[0] : "<html>nope</html>".getBytes(StandardCharsets.UTF_8);
        server.route("/status", (ex, hit) -> TestServer.send(ex, status, page, "Content-Type", "text/html"));

        assertThat(refusal(downloader, server.uri("/status"))).isEqualTo("download.http_" + status);
        assertThat(server.hits("/status")).isEqualTo(1);
        assertThat(count(registry, "download.http_" + status, "loopback")).isEqualTo(1.0);
    }

    @Test
    void shouldRejectAnEmptyBody() {
        server.route("/empty", (ex, hit) -> TestServer.send(ex, 200, new byte[0], "Content-Type", "image/png"))
                .route("/no-content", (ex, hit) -> ex.sendResponseHeaders(204, -1));

        assertThat(refusal(downloader, server.uri("/empty"))).isEqualTo(DownloadReasons.EMPTY);
        assertThat(refusal(downloader, server.uri("/no-content"))).isEqualTo(DownloadReasons.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/x.png", "file:///etc/passwd", "http:///x.png", "mailto:x@example.com"})
    void shouldRefuseInvalidUrlsWithoutConnecting(String url) {
        assertThat(refusal(downloader, URI.create(url))).isEqualTo(DownloadReasons.INVALID_URL);
        assertThat(count(registry, DownloadReasons.INVALID_URL, DownloadMetrics.UNKNOWN_HOST_CLASS))
                .isEqualTo(1.0);
    }

    @Test
    void shouldReportAnUnresolvableHostAsDnsFailed() {
        var guard = new SsrfGuard(true, false, host -> {
            throw TestSupport.unknownHost(host);
        });
        try (var d = new UrlDownloader(LOOPBACK, registry, guard)) {
            assertThat(refusal(d, URI.create("http://no-such-host.example/x.png")))
                    .isEqualTo(DownloadReasons.DNS_FAILED);
        }
    }

    @Test
    void shouldFetchAsynchronouslyAndFailWithTheRejectionAsCause() throws Exception {
        server.route("/gone", (ex, hit) -> TestServer.send(ex, 410, new byte[0]));

        assertThat(downloader.fetchAsync(server.uri("/image.png")).get().bytes())
                .isEqualTo(IMAGE);
        assertThatThrownBy(() -> downloader.fetchAsync(server.uri("/gone")).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "download.http_410");
    }
}
