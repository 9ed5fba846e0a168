package dev.refinery.scorer.image;

/**
 * The inverse DCT of one 8x8 block evaluated at {@code sx x sy} sample centres (each 1, 2, 4 or 8): the block's
 * continuous cosine expansion, cut to its lowest {@code sx x sy} frequencies, sampled at the centres of the
 * {@code 8/sx x 8/sy} pixel cells. That is libjpeg's scaled decoding ({@code scale_denom}): an antialiased reduction,
 * not point sampling. At 8x8 it is the ordinary IDCT. Float, separable, skipping all-zero coefficient rows.
 */
final class ScaledIdct {
    /** {@code TABLE[log2 s][x * s + u] = C(u) / 2 * cos((2x + 1) u pi / 2s)}, C(0) = 1/sqrt 2, else 1. */
    private static final float[][] TABLE = new float[4][];

    static {
        for (int l = 0; l < 4; l++) {
            int s = 1 << l;
            TABLE[l] = new float[s * s];
            for (int x = 0; x < s; x++) {
                for (int u = 0; u < s; u++) {
                    double c = u == 0 ? Math.sqrt(0.5) : 1.0;
                    TABLE[l][x * s + u] = (float) (c / 2 * Math.cos((2 * x + 1) * u * Math.PI / (2 * s)));
                }
            }
        }
    }

    private final float[] rows = new float[64];
    private final float[] acc = new float[64];
    private final FastIdct fast = new FastIdct();

    static int log2(int s) {
        return Integer.numberOfTrailingZeros(s);
    }

    /**
     * Writes the {@code sx x sy} samples of the dequantised block {@code coef} (row-major 8x8; only its top-left
     * {@code sy x sx} entries are read) to {@code out} at {@code at}, {@code stride} per row, level-shifted, rounded
     * and clipped to 0..255. Bit v of {@code rowMask} (bit u of {@code colMask}) is set when row v (column u) of that
     * corner may hold a non-zero coefficient.
     */
    void transform(int[] coef, int sx, int sy, int rowMask, int colMask, byte[] out, int at, int stride) {
        if (rowMask <= 1 && colMask <= 1) {
            byte value = clip(coef[0] / 8f + 128f);
            for (int y = 0; y < sy; y++) {
                for (int x = 0, p = at + y * stride; x < sx; x++) {
                    out[p + x] = value;
                }
            }
            return;
        }
        if (sx == sy && sx >= 4) {
            if (sx == 4) {
                fast.idct4(coef, rowMask, out, at, stride);
            } else {
                fast.idct8(coef, rowMask, out, at, stride);
            }
            return;
        }
        matrix(coef, sx, sy, rowMask, colMask, out, at, stride);
    }

    /** The general case as two matrix products (any of 1, 2, 4, 8 per axis); the reference for {@link FastIdct}. */
    void matrix(int[] coef, int sx, int sy, int rowMask, int colMask, byte[] out, int at, int stride) {
        float[] tx = TABLE[log2(sx)];
        float[] ty = TABLE[log2(sy)];
        int cols = Math.min(sx, 32 - Integer.numberOfLeadingZeros(colMask));
        int n = sx * sy;
        java.util.Arrays.fill(acc, 0, n, 128f);
        for (int v = 0; v < sy; v++) {
            if ((rowMask & (1 << v)) == 0) {
                continue;
            }
            int row = v * 8;
            for (int x = 0; x < sx; x++) {
                float sum = 0;
                for (int u = 0, k = x * sx; u < cols; u++) {
                    sum += tx[k + u] * coef[row + u];
                }
                rows[x] = sum;
            }
            for (int y = 0; y < sy; y++) {
                float w = ty[y * sy + v];
                for (int x = 0, i = y * sx; x < sx; x++) {
                    acc[i + x] += w * rows[x];
                }
            }
        }
        for (int y = 0; y < sy; y++) {
            for (int x = 0, p = at + y * stride, i = y * sx; x < sx; x++) {
                out[p + x] = clip(acc[i + x]);
            }
        }
    }

    private static byte clip(float value) {
        int v = (int) (value + 0.5f);
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
