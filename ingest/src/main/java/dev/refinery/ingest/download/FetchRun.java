package dev.refinery.ingest.download;

import dev.refinery.ingest.validate.RejectedInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download of one URL: checks each hop with the {@link SsrfGuard} before it is requested, follows redirects up to
 * the limit and retries I/O errors, timeouts, 408, 429 and 5xx with backoff. One instance per call; not thread-safe.
 */
final class FetchRun {
    private static final Logger log = LoggerFactory.getLogger(FetchRun.class);

    /** Performs one bounded HTTP exchange. */
    @FunctionalInterface
    interface Exchanger {
        Response exchange(URI uri) throws IOException, InterruptedException, RejectedInputException;
    }

    private final DownloaderConfig config;
    private final SsrfGuard guard;
    private final Backoff backoff;
    private final Exchanger exchanger;
    private AddressClass hostClass;
    private int retries;

    FetchRun(DownloaderConfig config, SsrfGuard guard, Backoff backoff, Exchanger exchanger) {
        this.config = config;
        this.guard = guard;
        this.backoff = backoff;
        this.exchanger = exchanger;
    }

    /** The class of the last host checked, or null when none was resolved. */
    AddressClass hostClass() {
        return hostClass;
    }

    Download run(URI start, long startNanos) throws RejectedInputException, InterruptedException {
        URI current = start;
        int redirects = 0;
        while (true) {
            ResolvedHost host = guard.resolve(current);
            hostClass = host.addressClass();
            guard.enforce(current, host);
            Response response;
            try {
                response = exchanger.exchange(current);
            } catch (IOException e) {
                waitToRetry(failure(current, e), null);
                continue;
            }
            switch (response) {
                case Response.Body body -> {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
                    return new Download(current, body.bytes(), body.contentType(), retries + 1, elapsed);
                }
                case Response.Redirect redirect -> {
                    if (++redirects > config.maxRedirects()) {
                        throw new RejectedInputException(
                                DownloadReasons.TOO_MANY_REDIRECTS,
                                SsrfGuard.abbreviate(start) + " redirects more than " + config.maxRedirects()
                                        + " times");
                    }
                    log.debug("{} redirects ({}) to {}", current, redirect.status(), redirect.location());
                    current = redirect.location();
                }
                case Response.Status status -> {
                    var failure = new RejectedInputException(
                            DownloadReasons.http(status.status()),
                            SsrfGuard.abbreviate(current) + " answered HTTP " + status.status());
                    if (!status.retryable()) {
                        throw failure;
                    }
                    waitToRetry(failure, status.retryAfter());
                }
            }
        }
    }

    /** Sleeps before the next attempt, or throws {@code failure} when no retry is left or allowed. */
    private void waitToRetry(RejectedInputException failure, String retryAfter)
            throws RejectedInputException, InterruptedException {
        if (failure.reason().equals(DownloadReasons.TLS_FAILED) || retries >= config.maxRetries()) {
            throw failure;
        }
        Optional<Duration> wait = backoff.delay(retries + 1, retryAfter, Instant.now());
        if (wait.isEmpty()) {
            log.debug("Not retrying: Retry-After '{}' exceeds {}", retryAfter, config.maxBackoff());
            throw failure;
        }
        retries++;
        log.debug(
                "Retry {}/{} in {} ms after {}",
                retries,
                config.maxRetries(),
                wait.get().toMillis(),
                failure.getMessage());
        Thread.sleep(wait.get());
    }

    private static RejectedInputException failure(URI uri, IOException e) {
        String reason;
        if (causedBy(e, HttpTimeoutException.class)) {
            reason = DownloadReasons.TIMEOUT;
        } else if (causedBy(e, SSLHandshakeException.class) || causedBy(e, SSLPeerUnverifiedException.class)) {
            reason = DownloadReasons.TLS_FAILED;
        } else {
            reason = DownloadReasons.FAILED;
        }
        return new RejectedInputException(reason, "downloading " + SsrfGuard.abbreviate(uri) + " failed: " + e, e);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        Throwable c = t;
        for (int depth = 0; c != null && depth < 16; depth++, c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
