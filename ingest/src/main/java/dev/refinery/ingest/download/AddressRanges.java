package dev.refinery.ingest.download;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Classifies one IP address into an {@link AddressClass} from its bytes, so that every textual or embedded form of an
 * address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) lands in the class of the IPv4 address it reaches.
 */
final class AddressRanges {

    private AddressRanges() {}

    static AddressClass classify(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? classifyV4(b, 0) : classifyV6(b);
    }

    private static AddressClass classifyV4(byte[] bytes, int offset) {
        int a = bytes[offset] & 0xff;
        int b = bytes[offset + 1] & 0xff;
        int c = bytes[offset + 2] & 0xff;
        if (a == 127) {
            return AddressClass.LOOPBACK;
        }
        if (a == 10
                || (a == 172 && (b & 0xf0) == 16)
                || (a == 192 && b == 168)
                || (a == 169 && b == 254) // link-local, cloud metadata
                || (a == 100 && (b & 0xc0) == 64)) { // carrier-grade NAT
            return AddressClass.PRIVATE;
        }
        boolean reserved = a == 0 // "this network", 0.0.0.0
                || a >= 224 // multicast 224/4, reserved 240/4, broadcast
                || (a == 198 && (b & 0xfe) == 18) // benchmarking
                || (a == 192 && b == 0 && (c == 0 || c == 2)) // IETF protocol assignments, TEST-NET-1
                || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
                || (a == 198 && b == 51 && c == 100) // TEST-NET-2
                || (a == 203 && b == 0 && c == 113); // TEST-NET-3
        return reserved ? AddressClass.RESERVED : AddressClass.PUBLIC;
    }

    private static AddressClass classifyV6(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 2);
        if (zero(b, 0, 12)) {
            if (zero(b, 12, 15)) {
                return b[15] == 1 ? AddressClass.LOOPBACK : AddressClass.RESERVED; // ::1, :: and ::0.0.0.x
            }
            return classifyV4(b, 12); // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks)
        }
        if (zero(b, 0, 10) && word(b, 10) == 0xffff) {
            return classifyV4(b, 12); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (w0 == 0x64 && w1 == 0xff9b) {
            // NAT64 well-known prefix 64:ff9b::/96 reaches the embedded IPv4; 64:ff9b:1::/48 is local-use
            return zero(b, 4, 12) ? classifyV4(b, 12) : AddressClass.PRIVATE;
        }
        if (w0 == 0x2002) {
            return classifyV4(b, 2); // 6to4 2002:a.b.c.d::/48
        }
        if (w0 == 0x2001 && (w1 == 0 || w1 == 0xdb8)) {
            return AddressClass.RESERVED; // Teredo (obfuscated IPv4), documentation
        }
        if ((b[0] & 0xfe) == 0xfc || (w0 & 0xffc0) == 0xfe80 || (w0 & 0xffc0) == 0xfec0) {
            return AddressClass.PRIVATE; // unique-local fc00::/7, link-local fe80::/10, site-local fec0::/10
        }
        if ((b[0] & 0xe0) != 0x20) {
            return AddressClass.RESERVED; // outside global unicast 2000::/3: multicast ff00::/8, discard 100::/64, ...
        }
        return AddressClass.PUBLIC;
    }

    private static int word(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }

    private static boolean zero(byte[] b, int from, int to) {
        return Arrays.equals(b, from, to, new byte[to - from], 0, to - from);
    }
}
