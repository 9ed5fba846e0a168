package dev.refinery.scorer.image;

import java.util.Arrays;

/**
 * Pillow's {@code ImagingResample} for 8-bit RGB, reproduced operation for operation: separable convolution whose
 * support widens with the downscale factor (antialiasing), coefficients normalised in double then converted to
 * 22-bit fixed point ({@link ResampleCoefficients}), horizontal pass first, each pass rounded and clipped to 8 bits.
 * Only a window of the resized image is computed, so a centre crop costs nothing extra. The horizontal pass reads the
 * packed source in place and writes three channel planes (memory stays near the window's size, whatever the source);
 * the vertical pass runs along rows of those planes so its inner loop vectorises.
 */
final class PilResampler {
    private static final int PRECISION_BITS = ResampleCoefficients.PRECISION_BITS;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private PilResampler() {}

    /**
     * The window {@code [x0, x0 + winW) x [y0, y0 + winH)} of {@code src} (packed {@code 0xRRGGBB},
     * {@code srcW x srcH}) resized to {@code outW x outH}: three row-major planes (R, G, B) of {@code winW * winH}
     * values 0..255. The window must lie inside the output.
     */
    static int[] resizeWindow(
            int[] src,
            int srcW,
            int srcH,
            int outW,
            int outH,
            ResampleFilter filter,
            int x0,
            int y0,
            int winW,
            int winH) {
        if (winW <= 0 || winH <= 0) {
            return new int[0];
        }
        ResampleCoefficients vk = outH != srcH ? ResampleCoefficients.of(srcH, outH, y0, winH, filter) : null;
        ResampleCoefficients hk = outW != srcW ? ResampleCoefficients.of(srcW, outW, x0, winW, filter) : null;
        int rowFirst = vk != null ? vk.first() : y0;
        int rows = vk != null ? vk.last() - rowFirst : winH;
        int[] across = hk != null
                ? horizontal(src, srcW, rowFirst, rows, hk, winW)
                : planes(src, srcW, x0, rowFirst, winW, rows);
        return vk != null ? convolve(across, winW, rows, vk, winH) : across;
    }

    /**
     * Each of the three planes holds {@code lines} lines of {@code lineLength} samples; output line {@code j} is the
     * weighted sum of input lines {@code c.start(j) .. + c.taps(j)} (relative to {@code c.first()}), rounded and
     * clipped as PIL does.
     */
    private static int[] convolve(int[] in, int lineLength, int lines, ResampleCoefficients c, int outLines) {
        int plane = lineLength * lines;
        int outPlane = lineLength * outLines;
        int[] out = new int[3 * outPlane];
        int[] acc = new int[lineLength];
        int[] weights = c.weights();
        for (int ch = 0; ch < 3; ch++) {
            for (int j = 0; j < outLines; j++) {
                Arrays.fill(acc, HALF);
                int base = ch * plane + (c.start(j) - c.first()) * lineLength;
                int k = j * c.ksize();
                for (int t = 0; t < c.taps(j); t++) {
                    int w = weights[k + t];
                    int from = base + t * lineLength;
                    for (int s = 0; s < lineLength; s++) {
                        acc[s] += in[from + s] * w;
                    }
                }
                int to = ch * outPlane + j * lineLength;
                for (int s = 0; s < lineLength; s++) {
                    out[to + s] = clip8(acc[s]);
                }
            }
        }
        return out;
    }

    /** Packed source rows to three planes of {@code rows x winW} 8-bit values. */
    private static int[] horizontal(int[] src, int srcW, int rowFirst, int rows, ResampleCoefficients c, int winW) {
        int plane = rows * winW;
        int[] out = new int[3 * plane];
        int[] weights = c.weights();
        for (int y = 0; y < rows; y++) {
            int row = (rowFirst + y) * srcW;
            for (int i = 0, to = y * winW; i < winW; i++, to++) {
                int from = row + c.start(i);
                int k = i * c.ksize();
                int r = HALF;
                int g = HALF;
                int b = HALF;
                for (int t = 0; t < c.taps(i); t++) {
                    int p = src[from + t];
                    int w = weights[k + t];
                    r += ((p >>> 16) & 0xFF) * w;
                    g += ((p >>> 8) & 0xFF) * w;
                    b += (p & 0xFF) * w;
                }
                out[to] = clip8(r);
                out[plane + to] = clip8(g);
                out[2 * plane + to] = clip8(b);
            }
        }
        return out;
    }

    /** Three channel planes of the {@code cols x rows} block at {@code (x0, y0)}, row-major. */
    private static int[] planes(int[] src, int srcW, int x0, int y0, int cols, int rows) {
        int plane = cols * rows;
        int[] out = new int[3 * plane];
        for (int y = 0; y < rows; y++) {
            for (int x = 0, at = (y0 + y) * srcW + x0, i = y * cols; x < cols; x++, at++, i++) {
                out[i] = (src[at] >>> 16) & 0xFF;
                out[plane + i] = (src[at] >>> 8) & 0xFF;
                out[2 * plane + i] = src[at] & 0xFF;
            }
        }
        return out;
    }

    private static int clip8(int acc) {
        int v = acc >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
