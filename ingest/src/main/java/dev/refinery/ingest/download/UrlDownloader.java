package dev.refinery.ingest.download;

import dev.refinery.ingest.validate.RejectedInputException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads images from untrusted URLs, many at once. Every hop (the URL and each redirect target) passes the
 * {@link SsrfGuard} before any connection; redirects are followed here, not by the HTTP client. At most
 * {@code maxConcurrency} HTTP exchanges run at once, at most {@code maxPerHost} to one host name; each exchange
 * (connect, headers and the whole body) must finish within {@code readTimeout}, and bodies stop being read as soon as
 * they exceed {@code maxBytes}. Failures become {@link RejectedInputException}s with a {@link DownloadReasons} code;
 * meters are described in {@link DownloadMetrics}. Thread-safe; exchanges run on virtual threads.
 */
public final class UrlDownloader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UrlDownloader.class);

    private final DownloaderConfig config;
    private final SsrfGuard guard;
    private final Backoff backoff;
    private final ExecutorService executor;
    private final HttpClient http;
    private final DownloadMetrics metrics;
    private final BoundedExchanger exchanger;

    public UrlDownloader(DownloaderConfig config, MeterRegistry registry) {
        this(config, registry, new SsrfGuard(config));
    }

    /** With a guard of one's own, e.g. one with a stub resolver. */
    public UrlDownloader(DownloaderConfig config, MeterRegistry registry, SsrfGuard guard) {
        this.config = Objects.requireNonNull(config, "config");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("refinery-download-", 0).factory());
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_2)
                .executor(executor)
                .build();
        this.metrics = new DownloadMetrics(Objects.requireNonNull(registry, "registry"));
        this.exchanger = new BoundedExchanger(new Exchange(http, config), executor, config, metrics);
    }

    /**
     * Downloads one URL, blocking until done; callers run many at once.
     *
     * @throws RejectedInputException with a {@link DownloadReasons} code when the URL is refused or the download fails
     * @throws InterruptedException when the calling thread is interrupted; the exchange under way is aborted
     */
    public Download fetch(URI uri) throws RejectedInputException, InterruptedException {
        Objects.requireNonNull(uri, "uri");
        long start = System.nanoTime();
        FetchRun run = new FetchRun(config, guard, backoff, exchanger);
        try {
            Download download = run.run(uri, start);
            metrics.record(DownloadMetrics.OK, run.hostClass(), download.elapsed());
            log.debug("Downloaded {} bytes from {} ({} attempts)", download.bytes().length, uri, download.attempts());
            return download;
        } catch (RejectedInputException e) {
            metrics.record(e.reason(), run.hostClass(), Duration.ofNanos(System.nanoTime() - start));
            log.debug("Download refused ({}): {}", e.reason(), e.getMessage());
            throw e;
        } catch (InterruptedException e) {
            metrics.record("interrupted", run.hostClass(), Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }

    /**
     * {@link #fetch} on a virtual thread. The future fails with a {@link CompletionException} whose cause is the
     * {@link RejectedInputException}; cancelling the future does not abort the download.
     */
    public CompletableFuture<Download> fetchAsync(URI uri) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return fetch(uri);
                    } catch (RejectedInputException e) {
                        throw new CompletionException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    }
                },
                executor);
    }

    /** Aborts the exchanges under way and releases the HTTP client; later calls fail. */
    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }

    /** Hosts currently holding or awaiting a per-host permit (for tests: the map must not grow forever). */
    int trackedHosts() {
        return exchanger.trackedHosts();
    }
}
