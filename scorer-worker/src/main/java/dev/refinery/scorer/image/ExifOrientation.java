package dev.refinery.scorer.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The EXIF orientation tag (0x0112) of a JPEG, found by walking the marker segments before the first scan and
 * reading IFD0 of the {@code Exif} APP1 segment, and its application to a {@code TYPE_INT_RGB} image, as PIL's
 * {@code ImageOps.exif_transpose} (which transformers' {@code load_image} calls) does. Anything malformed means 1.
 */
final class ExifOrientation {
    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {}

    /** The orientation 1..8 of a JPEG's EXIF data; 1 (as stored) when absent or unreadable. */
    static int read(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF || marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = u16(b, i + 2, false);
            if (marker == 0xE1 && length >= 16 && isExif(b, i + 4)) {
                int found = tiff(b, i + 10, Math.min(b.length, i + 2 + length));
                if (found != 0) {
                    return found;
                }
            }
            i += 2 + length;
        }
        return 1;
    }

    /** {@code img} turned upright; the same instance for orientation 1 or an unknown value. */
    static BufferedImage apply(BufferedImage img, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] src = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int sx =
                        switch (orientation) {
                            case 2, 3 -> w - 1 - ox;
                            case 4 -> ox;
                            case 5, 6 -> oy;
                            default -> w - 1 - oy;
                        };
                int sy =
                        switch (orientation) {
                            case 2 -> oy;
                            case 3, 4 -> h - 1 - oy;
                            case 5, 8 -> ox;
                            default -> h - 1 - ox;
                        };
                dst[oy * ow + ox] = src[sy * w + sx];
            }
        }
        return out;
    }

    private static boolean isExif(byte[] b, int at) {
        return at + 6 <= b.length
                && b[at] == 'E'
                && b[at + 1] == 'x'
                && b[at + 2] == 'i'
                && b[at + 3] == 'f'
                && b[at + 4] == 0
                && b[at + 5] == 0;
    }

    /** Orientation from the TIFF structure at {@code start}; 0 when not found. */
    private static int tiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 0;
        }
        boolean little = b[start] == 'I' && b[start + 1] == 'I';
        if (!little && !(b[start] == 'M' && b[start + 1] == 'M') || u16(b, start + 2, little) != 42) {
            return 0;
        }
        long ifd = start + u32(b, start + 4, little);
        if (ifd + 2 > end) {
            return 0;
        }
        int entries = u16(b, (int) ifd, little);
        for (int e = 0; e < entries; e++) {
            int at = (int) ifd + 2 + 12 * e;
            if (at + 12 > end) {
                return 0;
            }
            if (u16(b, at, little) == TAG_ORIENTATION) {
                int type = u16(b, at + 2, little);
                long value = type == 3 ? u16(b, at + 8, little) : type == 4 ? u32(b, at + 8, little) : 0;
                return value >= 1 && value <= 8 ? (int) value : 0;
            }
        }
        return 0;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return little ? y << 8 | x : x << 8 | y;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long first = u16(b, at, little);
        long second = u16(b, at + 2, little);
        return little ? second << 16 | first : first << 16 | second;
    }
}
