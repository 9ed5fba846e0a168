package dev.refinery.ingest.validate;

import dev.refinery.schemas.ImageFormat;

/**
 * Reads a JPEG's size from its first SOFn segment by walking the marker segments after SOI: fill bytes ({@code FF FF})
 * and standalone markers (RSTn, TEM) are skipped, APPn segments (EXIF, ICC, XMP) of any length are skipped by their
 * length, and stray bytes between segments are skipped as libjpeg does. The walk goes on to the first SOS, which must
 * come after a SOF, and then looks for the EOI marker ({@code FF D9}) after the scan start: first backwards in the
 * last 64 KiB (the common case, tolerating trailing bytes), then forwards from the scan (files with long appended
 * data, e.g. motion photos). {@code FF D9} cannot occur inside entropy-coded data, so no EOI means a cut-short file.
 */
final class JpegReader {

    private static final int SOI_LENGTH = 2;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int EOI_TAIL = 64 * 1024;

    private JpegReader() {}

    static ImageInfo read(byte[] b, DimensionCheck check) throws RejectedInputException {
        int pos = SOI_LENGTH;
        int width = 0;
        int height = 0;
        while (true) {
            pos = nextMarker(b, pos);
            int marker = Bytes.u8(b, pos);
            pos++;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // TEM, RSTn: no length
            }
            if (marker == 0xD8 || marker == EOI) {
                throw Bytes.corrupt(
                        String.format("JPEG has marker ff%02x at offset %d before its image data", marker, pos - 2));
            }
            Bytes.need(b, pos + 2L, "JPEG", String.format("segment ff%02x length", marker));
            int length = Bytes.u16be(b, pos);
            if (length < 2) {
                throw Bytes.corrupt(
                        String.format("JPEG segment ff%02x at offset %d has length %d", marker, pos - 2, length));
            }
            long end = (long) pos + length;
            if (end > b.length) {
                throw Bytes.truncated(String.format(
                        "JPEG segment ff%02x at offset %d runs to %d, past the end %d",
                        marker, pos - 2, end, b.length));
            }
            if (isStartOfFrame(marker) && width == 0) {
                int components = length >= 8 ? Bytes.u8(b, pos + 7) : 0;
                if (components == 0 || length != 8 + 3 * components) {
                    throw Bytes.corrupt(
                            String.format("JPEG SOF segment has length %d for %d components", length, components));
                }
                height = Bytes.u16be(b, pos + 3);
                width = Bytes.u16be(b, pos + 5);
                check.check(width, height); // zero (a DNL height) is refused here
            } else if (marker == SOS) {
                if (width == 0) {
                    throw Bytes.corrupt("JPEG has a SOS (start of scan) before any SOF (start of frame)");
                }
                requireEoi(b, (int) end);
                return new ImageInfo(ImageFormat.JPEG, width, height);
            }
            pos = (int) end;
        }
    }

    /** SOF0-3, 5-7, 9-11, 13-15; not DHT (C4), JPG (C8) or DAC (CC). */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Offset of the next marker code: skips stray bytes, fill bytes {@code FF FF} and stuffed {@code FF 00}. */
    private static int nextMarker(byte[] b, int from) throws RejectedInputException {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == (byte) 0xFF && b[i + 1] != (byte) 0xFF && b[i + 1] != 0) {
                return i + 1;
            }
        }
        throw Bytes.truncated("JPEG ends at " + b.length + " bytes before its scan data (no SOS marker)");
    }

    private static void requireEoi(byte[] b, int scanStart) throws RejectedInputException {
        int tailStart = Math.max(scanStart, b.length - EOI_TAIL);
        for (int i = b.length - 2; i >= tailStart; i--) {
            if (isEoi(b, i)) {
                return;
            }
        }
        for (int i = scanStart; i < tailStart; i++) {
            if (isEoi(b, i)) {
                return;
            }
        }
        throw Bytes.truncated(
                "JPEG has no EOI marker (ffd9) after its scan data: cut short after " + b.length + " bytes");
    }

    private static boolean isEoi(byte[] b, int i) {
        return b[i] == (byte) 0xFF && b[i + 1] == (byte) EOI;
    }
}
