package dev.refinery.scorer.image;

/**
 * The 4x4 and 8x8 cases of {@link ScaledIdct} with the 1-D transforms unrolled into their even/odd butterflies
 * (the same values as the matrix product, a quarter of the multiplications): rows first, skipping all-zero rows,
 * then columns. Float, like libjpeg's {@code jidctflt}.
 */
final class FastIdct {
    private static final float K = (float) (Math.sqrt(0.5) / 2);
    private static final float A = (float) (Math.cos(Math.PI / 8) / 2);
    private static final float B = (float) (Math.cos(3 * Math.PI / 8) / 2);
    private static final float C1 = c(1);
    private static final float C3 = c(3);
    private static final float C5 = c(5);
    private static final float C7 = c(7);

    private final float[] t = new float[64];
    private final float[] col = new float[8];

    private static float c(int n) {
        return (float) (Math.cos(n * Math.PI / 16) / 2);
    }

    /** The 4x4 samples of the block's top-left 4x4 coefficients; {@code rowMask} bit v: row v may be non-zero. */
    void idct4(int[] coef, int rowMask, byte[] out, int at, int stride) {
        for (int v = 0; v < 4; v++) {
            int r = v * 8;
            if ((rowMask & (1 << v)) == 0) {
                t[r] = t[r + 1] = t[r + 2] = t[r + 3] = 0;
                continue;
            }
            butterfly4(coef[r], coef[r + 1], coef[r + 2], coef[r + 3], r);
        }
        for (int x = 0; x < 4; x++) {
            float e0 = K * (t[x] + t[16 + x]);
            float e1 = K * (t[x] - t[16 + x]);
            float o0 = A * t[8 + x] + B * t[24 + x];
            float o1 = B * t[8 + x] - A * t[24 + x];
            out[at + x] = clip(e0 + o0);
            out[at + stride + x] = clip(e1 + o1);
            out[at + 2 * stride + x] = clip(e1 - o1);
            out[at + 3 * stride + x] = clip(e0 - o0);
        }
    }

    private void butterfly4(float c0, float c1, float c2, float c3, int r) {
        float e0 = K * (c0 + c2);
        float e1 = K * (c0 - c2);
        float o0 = A * c1 + B * c3;
        float o1 = B * c1 - A * c3;
        t[r] = e0 + o0;
        t[r + 1] = e1 + o1;
        t[r + 2] = e1 - o1;
        t[r + 3] = e0 - o0;
    }

    /** The full 8x8 inverse DCT; {@code rowMask} bit v: row v may be non-zero. */
    void idct8(int[] coef, int rowMask, byte[] out, int at, int stride) {
        for (int v = 0; v < 8; v++) {
            int r = v * 8;
            if ((rowMask & (1 << v)) == 0) {
                java.util.Arrays.fill(t, r, r + 8, 0f);
                continue;
            }
            butterfly8(
                    coef[r],
                    coef[r + 1],
                    coef[r + 2],
                    coef[r + 3],
                    coef[r + 4],
                    coef[r + 5],
                    coef[r + 6],
                    coef[r + 7],
                    t,
                    r,
                    1);
        }
        for (int x = 0; x < 8; x++) {
            butterfly8(t[x], t[8 + x], t[16 + x], t[24 + x], t[32 + x], t[40 + x], t[48 + x], t[56 + x], col, 0, 1);
            for (int y = 0; y < 8; y++) {
                out[at + y * stride + x] = clip(col[y]);
            }
        }
    }

    private static void butterfly8(
            float c0,
            float c1,
            float c2,
            float c3,
            float c4,
            float c5,
            float c6,
            float c7,
            float[] o,
            int at,
            int step) {
        float ee0 = K * (c0 + c4);
        float ee1 = K * (c0 - c4);
        float eo0 = A * c2 + B * c6;
        float eo1 = B * c2 - A * c6;
        float e0 = ee0 + eo0;
        float e3 = ee0 - eo0;
        float e1 = ee1 + eo1;
        float e2 = ee1 - eo1;
        float o0 = C1 * c1 + C3 * c3 + C5 * c5 + C7 * c7;
        float o1 = C3 * c1 - C7 * c3 - C1 * c5 - C5 * c7;
        float o2 = C5 * c1 - C1 * c3 + C7 * c5 + C3 * c7;
        float o3 = C7 * c1 - C5 * c3 + C3 * c5 - C1 * c7;
        o[at] = e0 + o0;
        o[at + step] = e1 + o1;
        o[at + 2 * step] = e2 + o2;
        o[at + 3 * step] = e3 + o3;
        o[at + 4 * step] = e3 - o3;
        o[at + 5 * step] = e2 - o2;
        o[at + 6 * step] = e1 - o1;
        o[at + 7 * step] = e0 - o0;
    }

    private static byte clip(float value) {
        int v = (int) (value + 128.5f);
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
