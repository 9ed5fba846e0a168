package dev.refinery.ingest.validate;

import dev.refinery.schemas.ImageFormat;

/**
 * Reads a GIF's size from its logical screen descriptor and walks the block structure (sub-block lengths only, no LZW
 * decoding) to the {@code 0x3B} trailer. The size is that of the first frame's canvas, grown to hold the frame as
 * Pillow does when the logical screen is smaller (some encoders write 0x0); every later frame's extent is checked
 * against the pixel limit too, since a decoder grows its canvas for it. A download cut short anywhere is
 * {@code image.truncated}; junk after the last complete frame is tolerated, as decoders do.
 */
final class GifReader {

    private static final int HEADER = 13;
    private static final int IMAGE_DESCRIPTOR = 10;
    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int TRAILER = 0x3B;

    private GifReader() {}

    static ImageInfo read(byte[] b, DimensionCheck check) throws RejectedInputException {
        Bytes.need(b, HEADER, "GIF", "logical screen descriptor");
        int canvasWidth = Bytes.u16le(b, 6);
        int canvasHeight = Bytes.u16le(b, 8);
        if (canvasWidth > 0 && canvasHeight > 0) {
            check.check(canvasWidth, canvasHeight);
        }
        long pos = HEADER + colorTableBytes(Bytes.u8(b, 10));
        int firstWidth = 0;
        int firstHeight = 0;
        int frames = 0;
        while (true) {
            Bytes.need(b, pos + 1, "GIF", "block at offset " + pos);
            int block = Bytes.u8(b, (int) pos);
            if (block == EXTENSION) {
                pos = skipSubBlocks(b, pos + 2);
            } else if (block == IMAGE) {
                Bytes.need(b, pos + IMAGE_DESCRIPTOR, "GIF", "image descriptor at offset " + pos);
                int at = (int) pos;
                canvasWidth = Math.max(canvasWidth, Bytes.u16le(b, at + 1) + Bytes.u16le(b, at + 5));
                canvasHeight = Math.max(canvasHeight, Bytes.u16le(b, at + 3) + Bytes.u16le(b, at + 7));
                check.check(canvasWidth, canvasHeight);
                if (frames++ == 0) {
                    firstWidth = canvasWidth;
                    firstHeight = canvasHeight;
                }
                // descriptor, local colour table, LZW minimum code size byte, then the data sub-blocks
                pos = skipSubBlocks(b, pos + IMAGE_DESCRIPTOR + colorTableBytes(Bytes.u8(b, at + 9)) + 1);
            } else if (frames > 0) {
                return new ImageInfo(ImageFormat.GIF, firstWidth, firstHeight); // trailer, or junk after a frame
            } else {
                String what = block == TRAILER ? "its trailer" : String.format("an unknown block 0x%02x", block);
                throw Bytes.corrupt("GIF has no image before " + what + " at offset " + pos);
            }
        }
    }

    /** Size of the colour table that a packed-fields byte announces (bit 7 set: 3 * 2^(size + 1) bytes). */
    private static int colorTableBytes(int packed) {
        return (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);
    }

    /** Skips a chain of data sub-blocks starting at {@code pos}; returns the offset after its zero terminator. */
    private static long skipSubBlocks(byte[] b, long pos) throws RejectedInputException {
        long at = pos;
        while (true) {
            Bytes.need(b, at + 1, "GIF", "data sub-block at offset " + at);
            int size = Bytes.u8(b, (int) at);
            at += 1 + size;
            if (size == 0) {
                return at;
            }
        }
    }
}
