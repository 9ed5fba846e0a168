package dev.refinery.scorer.image;

/**
 * PIL's {@code precompute_coeffs} followed by {@code normalize_coeffs_8bpc}, for output samples
 * {@code [from, from + count)} of a resize from {@code inSize} to {@code outSize}: the same double arithmetic in the
 * same order, so the 22-bit fixed-point weights are bit-identical to Pillow's.
 *
 * @param ksize stride of {@code weights} per output sample
 * @param bounds per output sample: first input sample, number of input samples
 * @param weights fixed-point weights, {@code ksize} per output sample
 */
record ResampleCoefficients(int ksize, int[] bounds, int[] weights) {
    /** Fraction bits of the fixed-point weights: 8 bits of result and 2 of headroom in an int. */
    static final int PRECISION_BITS = 32 - 8 - 2;

    static ResampleCoefficients of(int inSize, int outSize, int from, int count, ResampleFilter filter) {
        double scale = (double) inSize / outSize;
        double filterscale = Math.max(scale, 1.0);
        double support = filter.support() * filterscale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        double ss = 1.0 / filterscale;
        int[] bounds = new int[2 * count];
        int[] weights = new int[count * ksize];
        double[] k = new double[ksize];
        for (int i = 0; i < count; i++) {
            double center = (from + i + 0.5) * scale;
            int xmin = Math.max(0, (int) (center - support + 0.5));
            int xmax = Math.min(inSize, (int) (center + support + 0.5)) - xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++) {
                k[x] = filter.weight((x + xmin - center + 0.5) * ss);
                ww += k[x];
            }
            for (int x = 0; x < xmax; x++) {
                double w = ww != 0.0 ? k[x] / ww : k[x];
                weights[i * ksize + x] =
                        w < 0 ? (int) (-0.5 + w * (1 << PRECISION_BITS)) : (int) (0.5 + w * (1 << PRECISION_BITS));
            }
            bounds[2 * i] = xmin;
            bounds[2 * i + 1] = xmax;
        }
        return new ResampleCoefficients(ksize, bounds, weights);
    }

    /** First input sample of output sample {@code i} (relative to {@code from}). */
    int start(int i) {
        return bounds[2 * i];
    }

    /** Number of input samples of output sample {@code i}. */
    int taps(int i) {
        return bounds[2 * i + 1];
    }

    /** First input sample any output sample uses. */
    int first() {
        return bounds[0];
    }

    /** One past the last input sample any output sample uses. */
    int last() {
        int n = bounds.length / 2 - 1;
        return start(n) + taps(n);
    }
}
