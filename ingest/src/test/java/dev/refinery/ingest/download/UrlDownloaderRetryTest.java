package dev.refinery.ingest.download;

import static dev.refinery.ingest.download.TestSupport.IMAGE;
import static dev.refinery.ingest.download.TestSupport.LOOPBACK;
import static dev.refinery.ingest.download.TestSupport.count;
import static dev.refinery.ingest.download.TestSupport.downloader;
import static dev.refinery.ingest.download.TestSupport.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlDownloaderRetryTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestServer server = new TestServer();
    private final UrlDownloader downloader = downloader(LOOPBACK, registry);

    UrlDownloaderRetryTest() throws Exception {}

    @AfterEach
    void tearDown() {
        downloader.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408})
    void shouldRetryAServerErrorAndSucceed(int status) throws Exception {
        server.route("/flaky", (ex, hit) -> TestServer.send(ex, hit == 1 ? status : 200, IMAGE));

        Download d = downloader.fetch(server.uri("/flaky"));

        assertThat(d.bytes()).isEqualTo(IMAGE);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(server.hits("/flaky")).isEqualTo(2);
    }

    @Test
    void shouldGiveUpOnAPersistent503AfterMaxRetries() {
        server.route("/down", (ex, hit) -> TestServer.send(ex, 503, "busy".getBytes()));

        assertThat(refusal(downloader, server.uri("/down"))).isEqualTo("download.http_503");
        assertThat(server.hits("/down")).isEqualTo(LOOPBACK.maxRetries() + 1);
        assertThat(count(registry, "download.http_503", "loopback")).isEqualTo(1.0);
    }

    @Test
    void shouldHonourRetryAfterOnA429() throws Exception {
        server.route("/throttled", (ex, hit) -> {
            if (hit == 1) {
                TestServer.send(ex, 429, "slow down".getBytes(), "Retry-After", "1");
            } else {
                TestServer.send(ex, 200, IMAGE);
            }
        });

        Download d = downloader.fetch(server.uri("/throttled"));

        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void shouldNotRetryWhenRetryAfterAsksForLongerThanMaxBackoff() {
        server.route(
                "/come-back-tomorrow",
                (ex, hit) -> TestServer.send(ex, 429, "later".getBytes(), "Retry-After", "86400"));

        assertThat(refusal(downloader, server.uri("/come-back-tomorrow"))).isEqualTo("download.http_429");
        assertThat(server.hits("/come-back-tomorrow")).isEqualTo(1);
    }

    @Test
    void shouldRetryARedirectTargetThatFailsOnceFromThatHop() throws Exception {
        server.route("/moved", (ex, hit) -> TestServer.redirect(ex, 301, "/flaky-target"))
                .route("/flaky-target", (ex, hit) -> TestServer.send(ex, hit == 1 ? 500 : 200, IMAGE));

        Download d = downloader.fetch(server.uri("/moved"));

        assertThat(d.finalUri()).isEqualTo(server.uri("/flaky-target"));
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(server.hits("/moved")).isEqualTo(1);
    }

    @Test
    void shouldReportARefusedConnectionAsFailedAfterRetries() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }

        assertThat(refusal(downloader, URI.create("http://127.0.0.1:" + port + "/x.png")))
                .isEqualTo(DownloadReasons.FAILED);
        assertThat(count(registry, DownloadReasons.FAILED, "loopback")).isEqualTo(1.0);
    }

    @Test
    void shouldReportAConnectionResetMidBodyAsFailed() {
        server.route("/reset", (ex, hit) -> {
            ex.sendResponseHeaders(200, IMAGE.length);
            ex.getResponseBody().write(IMAGE, 0, 100);
            ex.getResponseBody().flush();
            throw new IllegalStateException("drop the connection mid-body");
        });

        assertThat(refusal(downloader, server.uri("/reset"))).isEqualTo(DownloadReasons.FAILED);
        assertThat(server.hits("/reset")).isEqualTo(LOOPBACK.maxRetries() + 1);
    }
}
