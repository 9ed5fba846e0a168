package dev.refinery.ingest.download;

import static dev.refinery.ingest.download.TestSupport.IMAGE;
import static dev.refinery.ingest.download.TestSupport.LOOPBACK;
import static dev.refinery.ingest.download.TestSupport.downloader;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UrlDownloaderConcurrencyTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestServer server = new TestServer();
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    UrlDownloaderConcurrencyTest() throws Exception {
        server.route("/busy", (ex, hit) -> {
            peak.accumulateAndGet(current.incrementAndGet(), Math::max);
            Thread.sleep(40);
            current.decrementAndGet(); // before answering: the client may start its next request on the last byte
            TestServer.send(ex, 200, IMAGE);
        });
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void shouldNeverRunMoreThanMaxPerHostRequestsToOneHost() throws Exception {
        var config = LOOPBACK.toBuilder().maxConcurrency(64).maxPerHost(2).build();

        try (var downloader = downloader(config, registry)) {
            fetchAll(downloader, 20);

            assertThat(peak.get()).isEqualTo(2);
            assertThat(downloader.trackedHosts()).isZero();
        }
        assertThat(server.hits("/busy")).isEqualTo(20);
        assertThat(TestSupport.count(registry, "ok", "loopback")).isEqualTo(20.0);
    }

    @Test
    void shouldNeverRunMoreThanMaxConcurrencyRequestsInAll() throws Exception {
        var config = LOOPBACK.toBuilder().maxConcurrency(3).maxPerHost(8).build();

        try (var downloader = downloader(config, registry)) {
            fetchAll(downloader, 20);
        }

        assertThat(peak.get()).isBetween(1, 3);
        assertThat(registry.get(DownloadMetrics.IN_FLIGHT).gauge().value()).isZero();
    }

    private void fetchAll(UrlDownloader downloader, int n) {
        List<CompletableFuture<Download>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(downloader.fetchAsync(server.uri("/busy?i=" + i)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        assertThat(futures).allSatisfy(f -> assertThat(f.join().bytes()).isEqualTo(IMAGE));
    }
}
