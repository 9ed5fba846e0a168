package dev.refinery.scorer.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Decodes a baseline JPEG at 1/2, 1/4 or 1/8 of its size in the DCT domain ({@link ScaledIdct}), as libjpeg's
 * {@code scale_denom} and PIL's {@code Image.draft} do: the entropy decoding is the same, but each block's inverse
 * transform yields 4x4, 2x2 or 1x1 samples, so the transform, the colour conversion and the resize after it all touch
 * 4 to 64 times fewer pixels, and the reduction is a box-like low-pass instead of point sampling. Chroma planes are
 * transformed at the size that makes them full resolution at the output (4:2:0 chroma at 1/2 uses the full 8x8
 * transform), so no upsampling filter is needed in the usual layouts. Colour conversion is libjpeg's fixed-point
 * JFIF YCbCr. Not thread-safe; one instance per decode.
 */
final class ScaledJpegDecoder {
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

    private final JpegFrame f;
    private final int n;
    private final int[] sx = new int[3];
    private final int[] sy = new int[3];
    private final int[] rx = new int[3];
    private final int[] ry = new int[3];
    private final int[] bh = new int[3];
    private final int[] bv = new int[3];
    private final int[] planeW = new int[3];
    private final byte[][] planes = new byte[3][];
    private final int[][] keep = new int[3][64];
    private final int mcusX;
    private final int mcusY;

    /** {@code samples}: 1, 2 or 4 output samples per 8 pixels. */
    private ScaledJpegDecoder(JpegFrame f, int samples) throws JpegStreamException {
        this.f = f;
        this.n = samples;
        boolean single = f.components == 1;
        int hMax = single ? 1 : f.hMax();
        int vMax = single ? 1 : f.vMax();
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

    /** Output samples per 8 pixels (1, 2 or 4) that keep the short side at least {@code target}; 8 when none does. */
    static int samplesPerBlock(int width, int height, int target) {
        int shortSide = Math.min(width, height);
        for (int s = 1; s < 8; s <<= 1) {
            if ((shortSide * s + 7) / 8 >= target) {
                return s;
            }
        }
        return 8;
    }

    /** The frame decoded at {@code samples} (1, 2 or 4) per 8 pixels, {@code ceil(size * samples / 8)}. */
    static BufferedImage decode(byte[] bytes, JpegFrame frame, int samples) throws JpegStreamException {
        ScaledJpegDecoder d = new ScaledJpegDecoder(frame, samples);
        d.entropyDecode(bytes);
        return d.toRgb();
    }

    private void entropyDecode(byte[] bytes) throws JpegStreamException {
        JpegBitReader in = new JpegBitReader(bytes, f.scanStart);
        ScaledIdct idct = new ScaledIdct();
        int[] coef = new int[64];
        int[] pred = new int[3];
        int interval = f.restartInterval;
        int total = mcusX * mcusY;
        for (int m = 0, restarts = 0; m < total; m++) {
            if (interval > 0 && m > 0 && m % interval == 0) {
                in.restart(restarts++);
                Arrays.fill(pred, 0);
            }
            int mx = m % mcusX;
            int my = m / mcusX;
            for (int c = 0; c < f.components; c++) {
                HuffmanTable dc = f.dc[f.dcSlot[c]];
                HuffmanTable ac = f.ac[f.acSlot[c]];
                int[] q = f.quant[f.quantSlot[c]];
                for (int by = 0; by < bv[c]; by++) {
                    for (int bx = 0; bx < bh[c]; bx++) {
                        int mask = in.block(dc, ac, q, keep[c], coef, pred, c);
                        int x = (mx * bh[c] + bx) * sx[c];
                        int y = (my * bv[c] + by) * sy[c];
                        idct.transform(
                                coef, sx[c], sy[c], mask & 0xFF, mask >>> 8, planes[c], y * planeW[c] + x, planeW[c]);
                        for (int r = 0; r < sy[c]; r++) {
                            Arrays.fill(coef, r * 8, r * 8 + sx[c], 0);
                        }
                    }
                }
            }
        }
        if (in.overran()) {
            throw new JpegStreamException("entropy-coded data ends early");
        }
    }

    private BufferedImage toRgb() {
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
