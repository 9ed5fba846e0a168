package dev.refinery.ingest.validate;

import dev.refinery.schemas.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Reads a PNG's size from its IHDR chunk, then walks the chunk list (lengths and types only, no inflating) to IEND,
 * so that a cut-short download is {@code image.truncated} and a broken chunk list {@code image.corrupt}. Bytes after
 * IEND are tolerated, as decoders do.
 */
final class PngReader {

    private static final int SIGNATURE = 8;
    private static final int IHDR_LENGTH = 13;
    private static final long MAX_CHUNK_LENGTH = Integer.MAX_VALUE;

    private PngReader() {}

    static ImageInfo read(byte[] b, DimensionCheck check) throws RejectedInputException {
        Bytes.need(b, SIGNATURE + 8 + IHDR_LENGTH + 4, "PNG", "IHDR chunk");
        if (!Bytes.ascii(b, SIGNATURE + 4, "IHDR")) {
            throw Bytes.corrupt("PNG's first chunk is not IHDR"
                    + (Bytes.ascii(b, SIGNATURE + 4, "CgBI") ? " but Apple's non-standard CgBI" : ""));
        }
        if (Bytes.u32be(b, SIGNATURE) != IHDR_LENGTH) {
            throw Bytes.corrupt("PNG IHDR length is " + Bytes.u32be(b, SIGNATURE) + ", must be 13");
        }
        int data = SIGNATURE + 8;
        CRC32 crc = new CRC32();
        crc.update(b, SIGNATURE + 4, 4 + IHDR_LENGTH);
        if (crc.getValue() != Bytes.u32be(b, data + IHDR_LENGTH)) {
            throw Bytes.corrupt("PNG IHDR checksum does not match its contents");
        }
        long width = Bytes.u32be(b, data);
        long height = Bytes.u32be(b, data + 4);
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw Bytes.corrupt("PNG IHDR dimensions " + width + "x" + height + " exceed the PNG maximum 2^31-1");
        }
        check.check(width, height);
        int bitDepth = Bytes.u8(b, data + 8);
        int colorType = Bytes.u8(b, data + 9);
        if (!validDepth(colorType, bitDepth)) {
            throw Bytes.corrupt("PNG IHDR has bit depth " + bitDepth + " with colour type " + colorType);
        }
        if (Bytes.u8(b, data + 10) != 0 || Bytes.u8(b, data + 11) != 0 || Bytes.u8(b, data + 12) > 1) {
            throw Bytes.corrupt("PNG IHDR has an unknown compression, filter or interlace method");
        }
        walkChunks(b, data + IHDR_LENGTH + 4);
        return new ImageInfo(ImageFormat.PNG, (int) width, (int) height);
    }

    private static boolean validDepth(int colorType, int bitDepth) {
        return switch (colorType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
    }

    private static void walkChunks(byte[] b, int from) throws RejectedInputException {
        long pos = from;
        boolean sawIdat = false;
        while (pos + 8 <= b.length) {
            int at = (int) pos;
            long length = Bytes.u32be(b, at);
            if (length > MAX_CHUNK_LENGTH) {
                throw Bytes.corrupt("PNG chunk at offset " + at + " claims " + length + " bytes, over 2^31-1");
            }
            if (!isChunkType(b, at + 4)) {
                throw Bytes.corrupt("PNG chunk at offset " + at + " has an invalid type");
            }
            long end = pos + 12 + length;
            if (end > b.length) {
                throw Bytes.truncated("PNG chunk " + new String(b, at + 4, 4, StandardCharsets.US_ASCII) + " at offset "
                        + at + " needs " + end + " bytes, the input has " + b.length);
            }
            if (Bytes.ascii(b, at + 4, "IEND")) {
                if (!sawIdat) {
                    throw Bytes.corrupt("PNG has no IDAT chunk before IEND");
                }
                return;
            }
            sawIdat |= Bytes.ascii(b, at + 4, "IDAT");
            pos = end;
        }
        throw Bytes.truncated("PNG ends without an IEND chunk after " + b.length + " bytes");
    }

    private static boolean isChunkType(byte[] b, int at) {
        for (int i = at; i < at + 4; i++) {
            int c = b[i] & 0xFF;
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
