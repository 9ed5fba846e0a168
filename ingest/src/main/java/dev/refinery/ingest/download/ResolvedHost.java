package dev.refinery.ingest.download;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A URL's host with all the addresses it resolved to and their class.
 *
 * @param host the host as written in the URL (IPv6 literals in brackets)
 * @param addresses every address the host resolved to, at least one
 * @param addressClass the most sensitive class among {@code addresses}
 * @param decisive an address of that class, for messages
 */
public record ResolvedHost(String host, List<InetAddress> addresses, AddressClass addressClass, InetAddress decisive) {

    public ResolvedHost {
        Objects.requireNonNull(host, "host");
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(addressClass, "addressClass");
        Objects.requireNonNull(decisive, "decisive");
    }

    /** Resolves nothing: classifies the given addresses. */
    static ResolvedHost of(String host, InetAddress[] addresses) {
        AddressClass worst = null;
        InetAddress decisive = null;
        for (InetAddress address : addresses) {
            AddressClass c = AddressRanges.classify(address);
            if (worst == null || c.compareTo(worst) > 0) {
                worst = c;
                decisive = address;
            }
        }
        if (worst == null) {
            throw new IllegalArgumentException("no addresses for " + host);
        }
        return new ResolvedHost(host, List.of(addresses), worst, decisive);
    }
}
