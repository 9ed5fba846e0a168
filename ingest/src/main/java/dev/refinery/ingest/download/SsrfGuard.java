package dev.refinery.ingest.download;

import dev.refinery.ingest.validate.RejectedInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * Keeps downloads of untrusted URLs off internal networks (server-side request forgery). A URL passes only if it is an
 * absolute {@code http} or {@code https} URL with a host, and <em>every</em> address the host resolves to is allowed:
 * public unicast always; loopback with {@code allowLoopback}; loopback and private, link-local (cloud metadata
 * 169.254.169.254), CGNAT, unique-local and site-local with {@code allowPrivateAddresses}; never the unspecified,
 * "this network", multicast, broadcast or other reserved addresses (see {@link AddressClass}). IPv4 addresses embedded
 * in IPv6 ones (IPv4-mapped {@code ::ffff:127.0.0.1}, IPv4-compatible, NAT64, 6to4) are judged as the IPv4 address.
 *
 * <p>{@link UrlDownloader} checks every hop: the first URL and each redirect target, before connecting to it.
 *
 * <p><b>Limitation: DNS rebinding.</b> {@code java.net.http.HttpClient} cannot be handed the checked address; it
 * resolves the host name again when it connects. A hostile name server answering a public address to the guard and a
 * private one to the connection (TTL 0) could slip past. The JVM's own address cache ({@code networkaddress.cache.ttl},
 * 30 s by default) usually answers the second lookup with the result the guard just checked, which narrows the window
 * but does not close it; deployments must still block internal ranges and metadata endpoints at the network level
 * (egress firewall or proxy) for the downloader's pods.
 *
 * <p>Thread-safe.
 */
public final class SsrfGuard {

    /** Resolves a host name (or IP literal) to all its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    /** A guard with the config's switches that resolves with {@link InetAddress#getAllByName}. */
    public SsrfGuard(DownloaderConfig config) {
        this(config.allowLoopback(), config.allowPrivateAddresses(), InetAddress::getAllByName);
    }

    public SsrfGuard(boolean allowLoopback, boolean allowPrivateAddresses, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** {@link #resolve} then {@link #enforce}: the host if the URL may be fetched. */
    public ResolvedHost check(URI uri) throws RejectedInputException {
        ResolvedHost host = resolve(uri);
        enforce(uri, host);
        return host;
    }

    /**
     * Validates the URL's form and resolves its host, refusing nothing else.
     *
     * @throws RejectedInputException {@code download.invalid_url} or {@code download.dns_failed}
     */
    public ResolvedHost resolve(URI uri) throws RejectedInputException {
        String host = hostOf(uri);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | IllegalArgumentException | SecurityException e) {
            throw new RejectedInputException(
                    DownloadReasons.DNS_FAILED,
                    "cannot resolve host '" + host + "' of " + abbreviate(uri) + ": " + e,
                    e);
        }
        if (addresses == null || addresses.length == 0) {
            throw new RejectedInputException(DownloadReasons.DNS_FAILED, "no addresses for host '" + host + "'");
        }
        return ResolvedHost.of(host, addresses);
    }

    /**
     * Refuses a host whose addresses are not all allowed.
     *
     * @throws RejectedInputException {@code download.refused_address}
     */
    public void enforce(URI uri, ResolvedHost host) throws RejectedInputException {
        if (!allows(host.addressClass())) {
            throw new RejectedInputException(
                    DownloadReasons.REFUSED_ADDRESS,
                    "refusing " + abbreviate(uri) + ": host '" + host.host() + "' resolves to "
                            + host.decisive().getHostAddress() + " ("
                            + host.addressClass().tag() + ")");
        }
    }

    /** Whether addresses of this class may be fetched under these settings. */
    public boolean allows(AddressClass addressClass) {
        return switch (addressClass) {
            case PUBLIC -> true;
            case LOOPBACK -> allowLoopback || allowPrivateAddresses;
            case PRIVATE -> allowPrivateAddresses;
            case RESERVED -> false;
        };
    }

    private static String hostOf(URI uri) throws RejectedInputException {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RejectedInputException(DownloadReasons.INVALID_URL, "not an http(s) URL: " + abbreviate(uri));
        }
        String host = uri.getHost();
        if (uri.isOpaque() || host == null || host.isEmpty()) {
            throw new RejectedInputException(DownloadReasons.INVALID_URL, "URL has no valid host: " + abbreviate(uri));
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new RejectedInputException(
                    DownloadReasons.INVALID_URL, "URL has an invalid port: " + abbreviate(uri));
        }
        return host;
    }

    static String abbreviate(URI uri) {
        String s = String.valueOf(uri);
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
