package dev.refinery.ingest.download;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A downloaded body. The array is handed over, not copied: callers must not change it.
 *
 * @param finalUri the URL that answered with the body, after redirects
 * @param bytes the body, never empty, at most {@link DownloaderConfig#maxBytes()} bytes
 * @param contentType the {@code Content-Type} header as sent, or null
 * @param attempts 1 plus the retries it took (redirects are not attempts)
 * @param elapsed time from the call to the last byte, waits for permits and retries included
 */
public record Download(URI finalUri, byte[] bytes, String contentType, int attempts, Duration elapsed) {

    public Download {
        Objects.requireNonNull(finalUri, "finalUri");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(elapsed, "elapsed");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Download d
                && finalUri.equals(d.finalUri)
                && Arrays.equals(bytes, d.bytes)
                && Objects.equals(contentType, d.contentType)
                && attempts == d.attempts
                && elapsed.equals(d.elapsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(finalUri, Arrays.hashCode(bytes), contentType, attempts, elapsed);
    }

    @Override
    public String toString() {
        return "Download[finalUri=" + finalUri + ", bytes=" + bytes.length + " bytes, contentType=" + contentType
                + ", attempts=" + attempts + ", elapsed=" + elapsed + "]";
    }
}
