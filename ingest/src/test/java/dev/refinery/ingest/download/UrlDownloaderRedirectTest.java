package dev.refinery.ingest.download;

import static dev.refinery.ingest.download.TestSupport.IMAGE;
import static dev.refinery.ingest.download.TestSupport.LITERALS_ONLY;
import static dev.refinery.ingest.download.TestSupport.LOOPBACK;
import static dev.refinery.ingest.download.TestSupport.count;
import static dev.refinery.ingest.download.TestSupport.downloader;
import static dev.refinery.ingest.download.TestSupport.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlDownloaderRedirectTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestServer server = new TestServer();
    private final UrlDownloader downloader = downloader(LOOPBACK, registry);

    UrlDownloaderRedirectTest() throws Exception {
        server.route("/image.png", (ex, hit) -> TestServer.send(ex, 200, IMAGE, "Content-Type", "image/png"));
    }

    @AfterEach
    void tearDown() {
        downloader.close();
        server.close();
    }

    @Test
    void shouldFollowRelativeAndAbsoluteRedirects() throws Exception {
        server.route("/chain/one", (ex, hit) -> TestServer.redirect(ex, 301, "/chain/two"))
                .route("/chain/two", (ex, hit) -> TestServer.redirect(ex, 302, "three?x=1"))
                .route("/chain/three", (ex, hit) -> TestServer.redirect(ex, 303, "//127.0.0.1:" + port() + "/chain/4"))
                .route("/chain/4", (ex, hit) -> TestServer.redirect(ex, 307, server.base() + "/chain/five b"))
                .route("/chain/five", (ex, hit) -> TestServer.redirect(ex, 308, server.base() + "/image.png"));

        Download d = downloader.fetch(server.uri("/chain/one"));

        assertThat(d.finalUri()).isEqualTo(server.uri("/image.png"));
        assertThat(d.bytes()).isEqualTo(IMAGE);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(server.hits("/chain/three")).isEqualTo(1);
        assertThat(server.hits("/chain/five")).isEqualTo(1);
    }

    @Test
    void shouldStopARedirectLoopAtMaxRedirects() {
        server.route("/loop", (ex, hit) -> TestServer.redirect(ex, 302, "/loop"));

        assertThat(refusal(downloader, server.uri("/loop"))).isEqualTo(DownloadReasons.TOO_MANY_REDIRECTS);
        assertThat(server.hits("/loop")).isEqualTo(LOOPBACK.maxRedirects() + 1);
    }

    @Test
    void shouldRefuseARedirectToCloudMetadataBeforeConnecting() {
        server.route("/to-metadata", (ex, hit) -> TestServer.redirect(ex, 302, "http://169.254.169.254/latest/"));

        assertThat(refusal(downloader, server.uri("/to-metadata"))).isEqualTo(DownloadReasons.REFUSED_ADDRESS);
        assertThat(count(registry, DownloadReasons.REFUSED_ADDRESS, "private")).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:70/_x", "http://[::1", "http://"})
    void shouldRefuseARedirectToSomethingThatIsNotAnHttpUrl(String location) {
        server.route("/bad-redirect", (ex, hit) -> TestServer.redirect(ex, 301, location));

        assertThat(refusal(downloader, server.uri("/bad-redirect"))).isEqualTo(DownloadReasons.INVALID_URL);
    }

    @Test
    void shouldRefuseARedirectToAHostNameThatResolvesToAPrivateAddress() {
        server.route("/to-intranet", (ex, hit) -> TestServer.redirect(ex, 302, "http://wiki.corp.internal/logo.png"));
        SsrfGuard guard = new SsrfGuard(
                true,
                false,
                host -> host.equals("wiki.corp.internal")
                        ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 20, 30, 40})}
                        : LITERALS_ONLY.resolve(host));

        try (var d = new UrlDownloader(LOOPBACK, registry, guard)) {
            assertThat(refusal(d, server.uri("/to-intranet"))).isEqualTo(DownloadReasons.REFUSED_ADDRESS);
        }
        assertThat(count(registry, DownloadReasons.REFUSED_ADDRESS, "private")).isEqualTo(1.0);
    }

    @Test
    void shouldReportARedirectWithoutLocationAsItsStatus() {
        server.route("/nowhere", (ex, hit) -> TestServer.send(ex, 302, new byte[0]));

        assertThat(refusal(downloader, server.uri("/nowhere"))).isEqualTo("download.http_302");
    }

    private int port() {
        return server.uri("/").getPort();
    }
}
