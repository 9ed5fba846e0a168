package dev.refinery.ingest.validate;

/** Bounds-checked big/little-endian reads for the format readers; a read past the end is a truncation. */
final class Bytes {

    private Bytes() {}

    /** Throws {@code image.truncated} unless {@code b} has at least {@code end} bytes. */
    static void need(byte[] b, long end, String format, String what) throws RejectedInputException {
        if (end > b.length) {
            throw truncated(format + " " + what + " is cut short: needs " + end + " bytes, the input has " + b.length);
        }
    }

    static RejectedInputException truncated(String message) {
        return new RejectedInputException(RejectionReasons.IMAGE_TRUNCATED, message);
    }

    static RejectedInputException corrupt(String message) {
        return new RejectedInputException(RejectionReasons.IMAGE_CORRUPT, message);
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static int u16be(byte[] b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }

    static int u16le(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8);
    }

    static int u24le(byte[] b, int i) {
        return u16le(b, i) | (u8(b, i + 2) << 16);
    }

    static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16) | u16be(b, i + 2);
    }

    static long u32le(byte[] b, int i) {
        return u16le(b, i) | ((long) u16le(b, i + 2) << 16);
    }

    /** Whether {@code b} holds {@code ascii} at offset {@code at}. */
    static boolean ascii(byte[] b, int at, String ascii) {
        if (at < 0 || at + ascii.length() > b.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
