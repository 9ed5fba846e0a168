package dev.refinery.ingest.download;

import dev.refinery.ingest.validate.RejectedInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Exchange}s within the per-host and global concurrency limits and under a deadline covering the whole
 * exchange. Permits are held for one exchange only, never across the wait before a retry.
 */
final class BoundedExchanger implements FetchRun.Exchanger {
    private static final Logger log = LoggerFactory.getLogger(BoundedExchanger.class);

    private final Exchange exchange;
    private final ExecutorService executor;
    private final Duration deadline;
    private final Semaphore global;
    private final HostLimiter hosts;
    private final DownloadMetrics metrics;

    BoundedExchanger(Exchange exchange, ExecutorService executor, DownloaderConfig config, DownloadMetrics metrics) {
        this.exchange = exchange;
        this.executor = executor;
        this.deadline = config.readTimeout();
        this.global = new Semaphore(config.maxConcurrency(), true);
        this.hosts = new HostLimiter(config.maxPerHost());
        this.metrics = metrics;
    }

    @Override
    public Response exchange(URI uri) throws IOException, InterruptedException, RejectedInputException {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        hosts.acquire(host); // the host first: threads queued for a busy host must not sit on global permits
        try {
            global.acquire();
            metrics.exchangeStarted();
            try {
                return underDeadline(uri);
            } finally {
                metrics.exchangeEnded();
                global.release();
            }
        } finally {
            hosts.release(host);
        }
    }

    int trackedHosts() {
        return hosts.trackedHosts();
    }

    /** Runs the exchange on its own virtual thread and interrupts it at the deadline, which aborts a trickling body. */
    private Response underDeadline(URI uri) throws IOException, InterruptedException, RejectedInputException {
        Future<Response> future;
        try {
            future = executor.submit(() -> exchange.perform(uri));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the downloader is closed", e);
        }
        try {
            return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RejectedInputException rejected) {
                throw rejected;
            } else if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof Error error) {
                throw error;
            }
            // a web server can provoke surprising runtime exceptions in the client; it is one URL's failure
            log.warn("Unexpected failure downloading {}", SsrfGuard.abbreviate(uri), cause);
            throw new IOException("unexpected failure: " + cause, cause);
        }
    }
}
