package dev.refinery.scorer.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * The output side of scaled JPEG decoding, shared by the sequential ({@link ScaledJpegDecoder}) and progressive
 * ({@link ProgressiveScans}) paths, which differ only in how they obtain each block's coefficients: the geometry (MCU
 * grid, blocks per MCU, samples per block for each component), the per-block scaled inverse transform
 * ({@link ScaledIdct}) into one byte plane per component, and libjpeg's fixed-point JFIF YCbCr conversion of the
 * planes to packed RGB. Chroma planes are transformed at the size that makes them full resolution at the output
 * (4:2:0 chroma at 1/2 uses the full 8x8 transform), so no upsampling filter is needed in the usual layouts; the
 * rest is replicated ({@code rx}, {@code ry}). Not thread-safe; one instance per decode.
 */
final class ScaledPlanes {
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + (1 << 15)) >> 16;
            CB_B[i] = (fix(1.77200) * x + (1 << 15)) >> 16;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + (1 << 15);
        }
    }

    final JpegFrame f;
    /** Output samples per 8 pixels: 1, 2 or 4. */
    final int n;
    /** Largest sampling factors (1 for a single-component frame, whose scans are never interleaved). */
    final int hMax;

    final int vMax;
    final int mcusX;
    final int mcusY;
    /** Blocks per MCU across and down (1 for a single-component frame). */
    final int[] bh = new int[3];

    final int[] bv = new int[3];
    /** Samples per block across and down. */
    final int[] sx = new int[3];

    final int[] sy = new int[3];
    /** Zigzag index to the row-major index of a coefficient in the {@code sy x sx} corner, or -1. */
    final int[][] keep = new int[3][64];

    private final int[] rx = new int[3];
    private final int[] ry = new int[3];
    private final int[] planeW = new int[3];
    private final byte[][] planes = new byte[3][];
    private final ScaledIdct idct = new ScaledIdct();

    /** {@code samples}: 1, 2 or 4 output samples per 8 pixels. */
    ScaledPlanes(JpegFrame f, int samples) throws JpegStreamException {
        this.f = f;
        this.n = samples;
        boolean single = f.components == 1;
        hMax = single ? 1 : f.hMax();
        vMax = single ? 1 : f.vMax();
        mcusX = (f.width + 8 * hMax - 1) / (8 * hMax);
        mcusY = (f.height + 8 * vMax - 1) / (8 * vMax);
        for (int c = 0; c < f.components; c++) {
            bh[c] = single ? 1 : f.h[c];
            bv[c] = single ? 1 : f.v[c];
            if (hMax % bh[c] != 0 || vMax % bv[c] != 0) {
                throw new JpegStreamException("fractional chroma sampling goes to ImageIO");
            }
            sx[c] = n * (hMax / bh[c]);
            sy[c] = n * (vMax / bv[c]);
            rx[c] = Math.max(1, sx[c] / 8);
            ry[c] = Math.max(1, sy[c] / 8);
            sx[c] /= rx[c];
            sy[c] /= ry[c];
            if (Integer.bitCount(sx[c]) != 1 || Integer.bitCount(sy[c]) != 1) {
                throw new JpegStreamException("sampling factors that are not powers of two go to ImageIO");
            }
            planeW[c] = mcusX * bh[c] * sx[c];
            planes[c] = new byte[planeW[c] * mcusY * bv[c] * sy[c]];
            for (int k = 0; k < 64; k++) {
                int nat = JpegFrame.NATURAL[k];
                keep[c][k] = nat / 8 < sy[c] && nat % 8 < sx[c] ? nat : -1;
            }
        }
    }

    /**
     * Transforms the dequantised block {@code coef} (row-major, only its {@code sy x sx} corner read, {@code mask} as
     * {@link JpegBitReader#block} returns it) into component {@code c}'s plane as the block at {@code (blockX,
     * blockY)} of the component's MCU-aligned block grid, then zeroes that corner for the next block.
     */
    void put(int c, int blockX, int blockY, int[] coef, int mask) {
        int w = sx[c];
        int h = sy[c];
        idct.transform(coef, w, h, mask & 0xFF, mask >>> 8, planes[c], blockY * h * planeW[c] + blockX * w, planeW[c]);
        for (int r = 0; r < h; r++) {
            Arrays.fill(coef, r * 8, r * 8 + w, 0);
        }
    }

    /** The planes as {@code ceil(size * n / 8)} packed RGB, gray replicated, stored RGB kept as such. */
    BufferedImage toRgb() {
        int w = (f.width * n + 7) / 8;
        int h = (f.height * n + 7) / 8;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        boolean rgb = f.storedRgb();
        if (f.components == 3 && (rx[0] | rx[1] | rx[2] | ry[0] | ry[1] | ry[2]) == 1) {
            for (int y = 0; y < h; y++) {
                for (int x = 0, i = y * w, a = y * planeW[0], b = y * planeW[1], c = y * planeW[2]; x < w; x++, i++) {
                    int p = planes[0][a + x] & 0xFF;
                    int q = planes[1][b + x] & 0xFF;
                    int r = planes[2][c + x] & 0xFF;
                    dst[i] = rgb ? p << 16 | q << 8 | r : ycc(p, q, r);
                }
            }
            return img;
        }
        for (int y = 0; y < h; y++) {
            int r0 = (y / ry[0]) * planeW[0];
            if (f.components == 1) {
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    dst[i] = (planes[0][r0 + x] & 0xFF) * 0x010101;
                }
                continue;
            }
            int r1 = (y / ry[1]) * planeW[1];
            int r2 = (y / ry[2]) * planeW[2];
            for (int x = 0, i = y * w; x < w; x++, i++) {
                int a = planes[0][r0 + x / rx[0]] & 0xFF;
                int b = planes[1][r1 + x / rx[1]] & 0xFF;
                int c = planes[2][r2 + x / rx[2]] & 0xFF;
                dst[i] = rgb ? a << 16 | b << 8 | c : ycc(a, b, c);
            }
        }
        return img;
    }

    private static int ycc(int y, int cb, int cr) {
        int r = clip(y + CR_R[cr]);
        int g = clip(y + ((CB_G[cb] + CR_G[cr]) >> 16));
        int b = clip(y + CB_B[cb]);
        return r << 16 | g << 8 | b;
    }

    private static int clip(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }
}
