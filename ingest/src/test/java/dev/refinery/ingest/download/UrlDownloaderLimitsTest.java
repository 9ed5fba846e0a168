package dev.refinery.ingest.download;

import static dev.refinery.ingest.download.TestSupport.LOOPBACK;
import static dev.refinery.ingest.download.TestSupport.downloader;
import static dev.refinery.ingest.download.TestSupport.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UrlDownloaderLimitsTest {
    private static final int MAX = (int) LOOPBACK.maxBytes();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestServer server = new TestServer();
    private final UrlDownloader downloader = downloader(LOOPBACK, registry);

    UrlDownloaderLimitsTest() throws Exception {}

    @AfterEach
    void tearDown() {
        downloader.close();
        server.close();
    }

    @Test
    void shouldAcceptABodyOfExactlyMaxBytes() throws Exception {
        server.route("/exact", (ex, hit) -> TestServer.send(ex, 200, new byte[MAX]));

        assertThat(downloader.fetch(server.uri("/exact")).bytes()).hasSize(MAX);
    }

    @Test
    void shouldRefuseABodyWhoseContentLengthExceedsMaxBytesBeforeReadingIt() {
        server.route("/huge", (ex, hit) -> {
            ex.sendResponseHeaders(200, 1L << 40); // a terabyte, announced
            writeForever(ex.getResponseBody(), 1 << 16);
        });

        assertThat(refusal(downloader, server.uri("/huge"))).isEqualTo(DownloadReasons.TOO_LARGE);
        assertThat(server.hits("/huge")).isEqualTo(1);
    }

    @Test
    void shouldStopReadingAnEndlessChunkedBodyOnceMaxBytesIsExceeded() {
        server.route("/endless", (ex, hit) -> {
            ex.sendResponseHeaders(200, 0); // chunked, no length
            writeForever(ex.getResponseBody(), 1 << 14);
        });

        assertThat(refusal(downloader, server.uri("/endless"))).isEqualTo(DownloadReasons.TOO_LARGE);
    }

    @Test
    void shouldRefuseABodyOneByteOverMaxBytesWithoutContentLength() {
        server.route("/one-over", (ex, hit) -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(new byte[MAX + 1]);
            }
        });

        assertThat(refusal(downloader, server.uri("/one-over"))).isEqualTo(DownloadReasons.TOO_LARGE);
    }

    /** Writes until the client hangs up (or a safety cap of 1 GiB). */
    private static void writeForever(OutputStream out, int chunk) {
        byte[] bytes = new byte[chunk];
        try {
            for (long written = 0; written < 1L << 30; written += chunk) {
                out.write(bytes);
            }
        } catch (IOException clientHungUp) {
            // expected: the downloader stopped reading
        }
    }
}
