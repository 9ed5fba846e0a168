package dev.refinery.ingest.validate;

import static dev.refinery.ingest.validate.TestImages.be32;
import static dev.refinery.ingest.validate.TestImages.concat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Hand-built PNG, GIF and WebP files and headers: minimal, or claiming sizes no real encoder would write. */
final class HandBuiltImages {

    private HandBuiltImages() {}

    /** A minimal PNG: signature, IHDR (8-bit RGB), optionally one IDAT and IEND. */
    static byte[] png(long width, long height, boolean complete) {
        byte[] ihdr = concat(be32(width), be32(height), new byte[] {8, 2, 0, 0, 0});
        byte[] head = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, pngChunk("IHDR", ihdr));
        return complete ? concat(head, pngChunk("IDAT", new byte[] {0x78, 0x01}), pngChunk("IEND", new byte[0])) : head;
    }

    static byte[] pngChunk(String type, byte[] data) {
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.US_ASCII), data);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return concat(be32(data.length), typeAndData, be32(crc.getValue()));
    }

    /** A GIF89a screen descriptor without colour table, optionally followed by one 1x1 frame and the trailer. */
    static byte[] gif(int width, int height, boolean complete) {
        byte[] head = concat("GIF89a".getBytes(StandardCharsets.US_ASCII), le16(width), le16(height), new byte[3]);
        return complete ? concat(head, gifFrame(0, 0, 1, 1), new byte[] {0x3B}) : head;
    }

    /** An image descriptor without local colour table, LZW minimum code size 2 and a tiny data sub-block. */
    static byte[] gifFrame(int left, int top, int width, int height) {
        byte[] descriptor = concat(new byte[] {0x2C}, le16(left), le16(top), le16(width), le16(height));
        return concat(descriptor, new byte[] {0, 2, 2, 0x4C, 0x01, 0});
    }

    static byte[] webpVp8(int width, int height) {
        byte[] frame = concat(new byte[] {0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A}, le16(width), le16(height));
        return riff(riffChunk("VP8 ", concat(frame, new byte[8])));
    }

    static byte[] webpVp8l(int width, int height) {
        return riff(riffChunk("VP8L", vp8lHeader(width, height)));
    }

    static byte[] webpVp8x(int width, int height) {
        byte[] vp8x = concat(new byte[] {0x10, 0, 0, 0}, le24(width - 1), le24(height - 1));
        return riff(riffChunk("VP8X", vp8x), riffChunk("VP8L", vp8lHeader(width, height)));
    }

    private static byte[] vp8lHeader(int width, int height) {
        long bits = (width - 1L) | ((height - 1L) << 14) | (1L << 28);
        return concat(new byte[] {0x2F}, le32(bits), new byte[] {0, 0, 0});
    }

    static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        return concat(
                "RIFF".getBytes(StandardCharsets.US_ASCII),
                le32(4L + body.length),
                "WEBP".getBytes(StandardCharsets.US_ASCII),
                body);
    }

    static byte[] riffChunk(String fourCc, byte[] data) {
        byte[] chunk = concat(fourCc.getBytes(StandardCharsets.US_ASCII), le32(data.length), data);
        return data.length % 2 == 0 ? chunk : concat(chunk, new byte[1]);
    }

    static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8)};
    }

    static byte[] le24(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16)};
    }

    static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }
}
