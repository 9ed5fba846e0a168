package dev.refinery.ingest.download;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link UrlDownloader}; {@link #defaults()} suits crawling the public web.
 *
 * @param maxConcurrency HTTP exchanges in flight at once, over all hosts
 * @param maxPerHost HTTP exchanges in flight at once to one host name
 * @param connectTimeout limit on opening a connection
 * @param readTimeout limit on one whole exchange: connecting, the headers and every byte of the body
 * @param maxBytes largest body accepted
 * @param maxRetries retries after the first attempt, on I/O errors, timeouts, 408, 429 and 5xx only
 * @param initialBackoff wait before the first retry, doubled for each further one (with jitter)
 * @param maxBackoff ceiling of any wait; a longer {@code Retry-After} ends the retries instead of waiting
 * @param maxRedirects redirects followed per download
 * @param userAgent sent as {@code User-Agent}; its first word is our token in {@code X-Robots-Tag}
 * @param allowPrivateAddresses allow private, link-local, CGNAT, unique-local and loopback addresses (tests, intranets)
 * @param allowLoopback allow loopback addresses only
 * @param respectNoAi refuse answers whose {@code X-Robots-Tag} says {@code noai} or {@code noimageai}
 */
public record DownloaderConfig(
        int maxConcurrency,
        int maxPerHost,
        Duration connectTimeout,
        Duration readTimeout,
        long maxBytes,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxRedirects,
        String userAgent,
        boolean allowPrivateAddresses,
        boolean allowLoopback,
        boolean respectNoAi) {

    /** Default {@code User-Agent}. */
    public static final String DEFAULT_USER_AGENT = "Refinery/0.1 (+image-text curation; respects X-Robots-Tag noai)";

    public DownloaderConfig {
        requireRange("maxConcurrency", maxConcurrency, 1, 100_000);
        requireRange("maxPerHost", maxPerHost, 1, 100_000);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requireRange("maxBytes", maxBytes, 1, Integer.MAX_VALUE - 16);
        requireRange("maxRetries", maxRetries, 0, 10);
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("initialBackoff must be >= 0 and <= maxBackoff");
        }
        requireRange("maxRedirects", maxRedirects, 0, 50);
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("userAgent must be non-blank printable ASCII, got '" + userAgent + "'");
        }
    }

    /** The defaults: 64 in flight, 8 per host, 5 s connect, 20 s per exchange, 32 MiB, 2 retries, 5 redirects. */
    public static DownloaderConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from {@link #defaults()}. */
    public static DownloaderConfigBuilder builder() {
        return new DownloaderConfigBuilder();
    }

    /** A builder that starts from these settings. */
    public DownloaderConfigBuilder toBuilder() {
        return new DownloaderConfigBuilder(this);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
