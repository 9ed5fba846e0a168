package dev.refinery.ingest.download;

import static dev.refinery.ingest.download.TestSupport.LOOPBACK;
import static dev.refinery.ingest.download.TestSupport.downloader;
import static dev.refinery.ingest.download.TestSupport.refusal;
import static dev.refinery.ingest.download.TestSupport.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.ingest.validate.RejectedInputException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UrlDownloaderTimeoutTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestServer server = new TestServer();
    private final UrlDownloader downloader = downloader(LOOPBACK, registry);

    UrlDownloaderTimeoutTest() throws Exception {}

    @AfterEach
    void tearDown() {
        downloader.close();
        server.close();
    }

    @Test
    void shouldCutOffASlowTrickleAtTheReadTimeout() {
        server.route("/trickle", (ex, hit) -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 60; i++) { // one byte every 100 ms: 6 s in all, headers at once
                out.write('x');
                out.flush();
                Thread.sleep(100);
            }
            out.close();
        });
        var config = LOOPBACK.toBuilder()
                .readTimeout(Duration.ofMillis(600))
                .maxRetries(0)
                .build();

        long start = System.nanoTime();
        try (var impatient = downloader(config, registry)) {
            RejectedInputException e = rejection(impatient, server.uri("/trickle"));

            assertThat(e.reason()).isEqualTo(DownloadReasons.TIMEOUT);
            assertThat(e).hasMessageContaining("no complete answer within 600 ms"); // the headers came in time
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void shouldTimeOutWhenHeadersNeverComeAndRetryBeforeGivingUp() {
        server.route("/silent", (ex, hit) -> {
            Thread.sleep(3_000);
            TestServer.send(ex, 200, new byte[] {1});
        });
        var config = LOOPBACK.toBuilder()
                .readTimeout(Duration.ofMillis(300))
                .maxRetries(1)
                .build();

        try (var impatient = downloader(config, registry)) {
            assertThat(refusal(impatient, server.uri("/silent"))).isEqualTo(DownloadReasons.TIMEOUT);
        }
        assertThat(server.hits("/silent")).isEqualTo(2);
    }

    @Test
    void shouldAbortPromptlyWhenTheCallerIsInterrupted() throws Exception {
        server.route("/slow", (ex, hit) -> {
            Thread.sleep(3_000);
            TestServer.send(ex, 200, new byte[] {1});
        });
        var outcome = new AtomicReference<Throwable>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                downloader.fetch(server.uri("/slow"));
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        while (server.hits("/slow") == 0) {
            Thread.sleep(10);
        }

        caller.interrupt();
        caller.join(Duration.ofSeconds(2));

        assertThat(caller.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(registry.get(DownloadMetrics.IN_FLIGHT).gauge().value()).isZero();
        assertThat(downloader.trackedHosts()).isZero();
    }
}
