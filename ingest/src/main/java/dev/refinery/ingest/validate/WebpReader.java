package dev.refinery.ingest.validate;

import dev.refinery.schemas.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Reads a WebP's size from its first chunk (VP8 lossy frame header, VP8L lossless header or VP8X extended canvas),
 * then checks the RIFF container: a RIFF size beyond the input is {@code image.truncated}; chunks that overrun the
 * container, or no image chunk at all, are {@code image.corrupt}. Bytes after the RIFF container are tolerated.
 */
final class WebpReader {

    private static final int FIRST_CHUNK = 12;
    private static final int FIRST_DATA = 20;

    private WebpReader() {}

    static ImageInfo read(byte[] b, DimensionCheck check) throws RejectedInputException {
        Bytes.need(b, FIRST_DATA, "WebP", "first chunk header");
        long chunkSize = Bytes.u32le(b, FIRST_CHUNK + 4);
        long width;
        long height;
        if (Bytes.ascii(b, FIRST_CHUNK, "VP8 ")) {
            requireChunk(b, chunkSize, 10, "VP8 frame header");
            if ((Bytes.u8(b, FIRST_DATA) & 1) != 0) {
                throw Bytes.corrupt("WebP VP8 frame is not a key frame");
            }
            if (Bytes.u8(b, 23) != 0x9D || Bytes.u8(b, 24) != 0x01 || Bytes.u8(b, 25) != 0x2A) {
                throw Bytes.corrupt("WebP VP8 frame header lacks the start code 9d012a");
            }
            width = Bytes.u16le(b, 26) & 0x3FFF;
            height = Bytes.u16le(b, 28) & 0x3FFF;
        } else if (Bytes.ascii(b, FIRST_CHUNK, "VP8L")) {
            requireChunk(b, chunkSize, 5, "VP8L header");
            if (Bytes.u8(b, FIRST_DATA) != 0x2F) {
                throw Bytes.corrupt("WebP VP8L header lacks the signature byte 0x2f");
            }
            long bits = Bytes.u32le(b, FIRST_DATA + 1);
            if (bits >>> 29 != 0) {
                throw Bytes.corrupt("WebP VP8L header has unknown version " + (bits >>> 29));
            }
            width = (bits & 0x3FFF) + 1;
            height = ((bits >>> 14) & 0x3FFF) + 1;
        } else if (Bytes.ascii(b, FIRST_CHUNK, "VP8X")) {
            requireChunk(b, chunkSize, 10, "VP8X header");
            width = Bytes.u24le(b, FIRST_DATA + 4) + 1L;
            height = Bytes.u24le(b, FIRST_DATA + 7) + 1L;
        } else {
            throw Bytes.corrupt("WebP's first chunk is " + fourCc(b, FIRST_CHUNK) + ", expected VP8, VP8L or VP8X");
        }
        check.check(width, height);
        long riffEnd = 8 + Bytes.u32le(b, 4);
        if (riffEnd > b.length) {
            throw Bytes.truncated("WebP RIFF header claims " + riffEnd + " bytes, the input has " + b.length);
        }
        walkChunks(b, riffEnd);
        return new ImageInfo(ImageFormat.WEBP, (int) width, (int) height);
    }

    private static void requireChunk(byte[] b, long chunkSize, int minimum, String what) throws RejectedInputException {
        Bytes.need(b, FIRST_DATA + minimum, "WebP", what);
        if (chunkSize < minimum) {
            throw Bytes.corrupt("WebP " + what + " chunk has " + chunkSize + " bytes, needs " + minimum);
        }
    }

    private static void walkChunks(byte[] b, long riffEnd) throws RejectedInputException {
        long pos = FIRST_CHUNK;
        boolean image = false;
        while (pos < riffEnd) {
            if (pos + 8 > riffEnd) {
                throw Bytes.corrupt("WebP chunk header at offset " + pos + " overruns the RIFF container");
            }
            int at = (int) pos;
            long end = pos + 8 + Bytes.u32le(b, at + 4);
            if (end > riffEnd) {
                throw Bytes.corrupt("WebP chunk " + fourCc(b, at) + " at offset " + at + " ends at " + end
                        + ", past the RIFF container's end " + riffEnd);
            }
            image |= Bytes.ascii(b, at, "VP8 ") || Bytes.ascii(b, at, "VP8L") || Bytes.ascii(b, at, "ANMF");
            pos = end + (end - pos) % 2;
        }
        if (!image) {
            throw Bytes.corrupt("WebP has no VP8, VP8L or ANMF image chunk");
        }
    }

    /** A chunk id for messages: the four characters when printable ASCII, else hex. */
    private static String fourCc(byte[] b, int at) {
        for (int i = at; i < at + 4; i++) {
            if (b[i] < 0x20 || b[i] > 0x7E) {
                return "0x" + HexFormat.of().formatHex(b, at, at + 4);
            }
        }
        return "'" + new String(b, at, 4, StandardCharsets.US_ASCII) + "'";
    }
}
