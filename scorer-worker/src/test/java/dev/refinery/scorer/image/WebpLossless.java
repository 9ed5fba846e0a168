package dev.refinery.scorer.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-built lossless WebP (VP8L) files, as no WebP writer is at hand: no transforms, no colour cache, and "simple"
 * prefix codes, so red, blue and alpha are constants and green takes one of two values, one bit per pixel.
 */
final class WebpLossless {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long acc;
    private int bits;

    private WebpLossless() {}

    /**
     * A {@code w x h} image of colour {@code (red, greens[bit], blue)} where {@code bit} is {@code pattern[y * w + x]}
     * ({@code greens[0] < greens[1]}).
     */
    static byte[] image(int w, int h, int red, int[] greens, int blue, int[] pattern) {
        WebpLossless b = new WebpLossless();
        b.bytes.write(0x2f);
        b.put(w - 1, 14);
        b.put(h - 1, 14);
        b.put(0, 1); // alpha_is_used
        b.put(0, 3); // version
        b.put(0, 1); // no transform
        b.put(0, 1); // no colour cache
        b.put(0, 1); // no meta prefix codes
        b.put(1, 1); // green: simple code, 2 symbols, 8-bit symbols
        b.put(1, 1);
        b.put(1, 1);
        b.put(greens[0], 8);
        b.put(greens[1], 8);
        for (int constant : new int[] {red, blue, 255}) {
            b.put(1, 1); // simple code, 1 symbol, 8-bit symbol
            b.put(0, 1);
            b.put(1, 1);
            b.put(constant, 8);
        }
        b.put(1, 1); // distance: simple code, 1 symbol, 1-bit symbol 0
        b.put(0, 1);
        b.put(0, 1);
        b.put(0, 1);
        for (int bit : pattern) {
            b.put(bit, 1);
        }
        if (b.bits > 0) {
            b.put(0, 8 - b.bits);
        }
        return riff(b.bytes.toByteArray());
    }

    private void put(int value, int n) {
        acc |= ((long) value & ((1L << n) - 1)) << bits;
        bits += n;
        while (bits >= 8) {
            bytes.write((int) (acc & 0xFF));
            acc >>>= 8;
            bits -= 8;
        }
    }

    private static byte[] riff(byte[] payload) {
        int padded = payload.length + (payload.length & 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        le32(out, 4 + 8 + padded);
        out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        le32(out, payload.length);
        out.writeBytes(payload);
        if (padded != payload.length) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >> 8);
        out.write(v >> 16);
        out.write(v >> 24);
    }
}
