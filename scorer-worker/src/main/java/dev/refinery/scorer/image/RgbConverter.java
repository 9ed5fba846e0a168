package dev.refinery.scorer.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Any decoded image to {@code TYPE_INT_RGB} the way PIL's {@code convert("RGB")} does it: stored sample values are
 * used as they are (no colour management, so gray is replicated rather than gamma-converted as
 * {@link BufferedImage#getRGB} would), alpha is dropped (not composited), palettes are looked up, 16-bit samples
 * keep their high byte (PIL's {@code RGB;16B} raw mode) and 1/2/4-bit samples are scaled to 0..255. Only colour
 * models with neither RGB nor gray components (CMYK) go through Java2D's colour conversion.
 */
final class RgbConverter {
    private RgbConverter() {}

    static BufferedImage toIntRgb(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        ColorModel cm = src.getColorModel();
        Raster raster = src.getRaster();
        if (cm instanceof IndexColorModel icm) {
            palette(raster, icm, dst);
        } else if (cm.isAlphaPremultiplied()) {
            viaJava2d(src, dst);
        } else if (isRgb(cm) && (cm instanceof ComponentColorModel || cm instanceof DirectColorModel)) {
            components(raster, cm, new int[] {0, 1, 2}, dst);
        } else if (isGray(cm) && cm instanceof ComponentColorModel) {
            components(raster, cm, new int[] {0, 0, 0}, dst);
        } else {
            viaJava2d(src, dst);
        }
        return out;
    }

    /** Colour-managed conversion to sRGB (CMYK, premultiplied alpha, exotic colour spaces). */
    private static void viaJava2d(BufferedImage src, int[] dst) {
        int w = src.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < src.getHeight(); y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                dst[y * w + x] = row[x] & 0xFFFFFF;
            }
        }
    }

    private static boolean isRgb(ColorModel cm) {
        return cm.getColorSpace().getType() == ColorSpace.TYPE_RGB && cm.getNumColorComponents() == 3;
    }

    private static boolean isGray(ColorModel cm) {
        return cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1;
    }

    private static void palette(Raster raster, IndexColorModel icm, int[] dst) {
        int[] rgbs = new int[256];
        icm.getRGBs(rgbs);
        int w = raster.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                dst[y * w + x] = rgbs[row[x] & 0xFF] & 0xFFFFFF;
            }
        }
    }

    private static void components(Raster raster, ColorModel cm, int[] bands, int[] dst) {
        if (interleavedBytes(raster, cm, bands, dst)) {
            return;
        }
        int w = raster.getWidth();
        int[] row = new int[w];
        for (int c = 0; c < 3; c++) {
            int bits = cm.getComponentSize(bands[c]);
            int shift = 16 - 8 * c;
            for (int y = 0; y < raster.getHeight(); y++) {
                raster.getSamples(0, y, w, 1, bands[c], row);
                for (int x = 0; x < w; x++) {
                    dst[y * w + x] |= to8(row[x], bits) << shift;
                }
            }
        }
    }

    /** The fast path for 8-bit pixel-interleaved rasters (what JPEG and most PNG decodes give); false otherwise. */
    private static boolean interleavedBytes(Raster raster, ColorModel cm, int[] bands, int[] dst) {
        if (!(raster.getDataBuffer() instanceof DataBufferByte db)
                || db.getNumBanks() != 1
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
                || raster.getSampleModelTranslateX() != 0
                || raster.getSampleModelTranslateY() != 0
                || cm.getComponentSize(bands[0]) != 8
                || cm.getComponentSize(bands[1]) != 8
                || cm.getComponentSize(bands[2]) != 8) {
            return false;
        }
        byte[] data = db.getData();
        int[] offsets = sm.getBandOffsets();
        int r = offsets[bands[0]];
        int g = offsets[bands[1]];
        int b = offsets[bands[2]];
        int stride = sm.getPixelStride();
        int w = raster.getWidth();
        for (int y = 0; y < raster.getHeight(); y++) {
            int at = db.getOffset() + y * sm.getScanlineStride();
            for (int x = 0, i = y * w; x < w; x++, i++, at += stride) {
                dst[i] = (data[at + r] & 0xFF) << 16 | (data[at + g] & 0xFF) << 8 | (data[at + b] & 0xFF);
            }
        }
        return true;
    }

    /** A {@code bits}-wide sample as 0..255: high byte of 16-bit, scaled up from 1, 2 or 4 bits. */
    private static int to8(int v, int bits) {
        if (bits == 8) {
            return v & 0xFF;
        }
        if (bits > 8) {
            return (v >>> (bits - 8)) & 0xFF;
        }
        return v * 255 / ((1 << bits) - 1);
    }
}
