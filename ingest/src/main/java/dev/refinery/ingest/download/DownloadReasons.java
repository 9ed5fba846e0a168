package dev.refinery.ingest.download;

import dev.refinery.ingest.validate.RejectedInputException;

/**
 * The reason codes ({@code download.<what>}) that {@link UrlDownloader} and {@link SsrfGuard} put on
 * {@link RejectedInputException}. They end up as DLQ reasons, HTTP result reasons and metric tags, so they are stable
 * identifiers: add new ones, never rename.
 */
public final class DownloadReasons {

    /** Not an absolute http(s) URL with a host, or a redirect {@code Location} that cannot be parsed. */
    public static final String INVALID_URL = "download.invalid_url";

    /** The host name does not resolve (or is a malformed IP literal). */
    public static final String DNS_FAILED = "download.dns_failed";

    /** The host resolves to an address the guard refuses (loopback, private, link-local, metadata, ...). */
    public static final String REFUSED_ADDRESS = "download.refused_address";

    /** More redirects than {@link DownloaderConfig#maxRedirects()}. */
    public static final String TOO_MANY_REDIRECTS = "download.too_many_redirects";

    /** The body has (or announces) more than {@link DownloaderConfig#maxBytes()} bytes. */
    public static final String TOO_LARGE = "download.too_large";

    /** A 2xx answer without a body. */
    public static final String EMPTY = "download.empty";

    /** Connect, headers or the whole body took longer than the configured timeouts (after retries). */
    public static final String TIMEOUT = "download.timeout";

    /** The TLS handshake failed (bad or expired certificate, no common cipher); not retried. */
    public static final String TLS_FAILED = "download.tls_failed";

    /** Connection refused or reset, protocol error (after retries). */
    public static final String FAILED = "download.failed";

    /** The answer carries {@code X-Robots-Tag: noai} or {@code noimageai} for all agents or for ours. */
    public static final String ROBOTS_NOAI = "download.robots_noai";

    private DownloadReasons() {}

    /** {@code download.http_<status>}: a non-2xx answer that is not a followed redirect. */
    public static String http(int status) {
        return "download.http_" + status;
    }
}
