package dev.refinery.scorer.image;

import dev.refinery.schemas.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Finds an image's format from its first bytes (never from a name or content type). */
final class ImageSniffer {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int HEX_BYTES = 16;

    private ImageSniffer() {}

    /** The format of {@code b}, or {@link ImageFormat#UNKNOWN}. */
    static ImageFormat sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return ImageFormat.JPEG;
        }
        if (startsWith(b, PNG, 0)) {
            return ImageFormat.PNG;
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return ImageFormat.GIF;
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return ImageFormat.WEBP;
        }
        return ImageFormat.UNKNOWN;
    }

    /** The first bytes in hex, for error messages. */
    static String head(byte[] b) {
        return HexFormat.of().formatHex(b, 0, Math.min(b.length, HEX_BYTES));
    }

    private static boolean ascii(byte[] b, int at, String s) {
        return startsWith(b, s.getBytes(StandardCharsets.US_ASCII), at);
    }

    private static boolean startsWith(byte[] b, byte[] signature, int at) {
        if (b.length < at + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (b[at + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
