package dev.refinery.ingest.download;

import java.util.Locale;

/**
 * What kind of network a host's addresses belong to, as {@link SsrfGuard} sees it. Ordered from least to most
 * sensitive: a host is classed by its most sensitive address.
 */
public enum AddressClass {
    /** Globally routable unicast: the public web. */
    PUBLIC,
    /** 127.0.0.0/8 and ::1; allowed by {@code allowLoopback} or {@code allowPrivateAddresses}. */
    LOOPBACK,
    /**
     * Private and internal ranges: 10/8, 172.16/12, 192.168/16, CGNAT 100.64/10, link-local 169.254/16 (cloud metadata)
     * and fe80::/10, unique-local fc00::/7, site-local fec0::/10; allowed only by {@code allowPrivateAddresses}.
     */
    PRIVATE,
    /**
     * Addresses no download should ever reach, whatever the settings: unspecified (0.0.0.0, ::), "this network" 0/8,
     * multicast, broadcast, reserved 240/4, benchmarking 198.18/15, documentation ranges and IPv6 transition forms
     * (Teredo) whose embedded target cannot be checked.
     */
    RESERVED;

    /** The value of the {@code host_class} metric tag: {@code public}, {@code loopback}, ... */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
