package dev.refinery.scorer.image;

import java.util.Arrays;

/**
 * Pillow's {@code ImagingResample} for 8-bit RGB, reproduced operation for operation: separable convolution whose
 * support widens with the downscale factor (antialiasing), coefficients normalised in double then converted to
 * 22-bit fixed point ({@link ResampleCoefficients}), horizontal pass first, each pass rounded and clipped to 8 bits.
 * Only a window of the resized image is computed, so a centre crop costs nothing extra. Both passes run as
 * {@link #convolve}, whose inner loop runs along a line and vectorises: the horizontal pass works on the source's
 * needed columns unpacked into transposed channel planes and its result is transposed back for the vertical pass.
 * Integer sums do not depend on their order, so the values are still Pillow's.
 */
final class PilResampler {
    private static final int PRECISION_BITS = ResampleCoefficients.PRECISION_BITS;
    private static final int HALF = 1 << (PRECISION_BITS - 1);
    private static final int TILE = 16;

    /**
     * Per-thread work arrays (slots: source planes, horizontal result, its transpose, vertical result, accumulator,
     * line), grown on demand and reused: a 640x480 image would otherwise allocate and zero about 3 MB per call.
     */
    private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[6][0]);

    private PilResampler() {}

    /**
     * The window {@code [x0, x0 + winW) x [y0, y0 + winH)} of {@code src} (packed {@code 0xRRGGBB},
     * {@code srcW x srcH}) resized to {@code outW x outH}: three row-major planes (R, G, B) of {@code winW * winH}
     * values 0..255 (the array may be longer). The window must lie inside the output. The array is this thread's
     * scratch space: valid until the thread's next call.
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
                ? transpose(
                        convolve(
                                transposedPlanes(src, srcW, hk.first(), rowFirst, hk.last() - hk.first(), rows),
                                rows,
                                hk.last() - hk.first(),
                                hk,
                                winW,
                                1),
                        rows,
                        winW)
                : planes(src, srcW, x0, rowFirst, winW, rows);
        return vk != null ? convolve(across, winW, rows, vk, winH, 3) : across;
    }

    /**
     * Each of the three planes holds {@code lines} lines of {@code lineLength} samples; output line {@code j} is the
     * weighted sum of input lines {@code c.start(j) .. + c.taps(j)} (relative to {@code c.first()}), rounded and
     * clipped as PIL does.
     */
    private static int[] convolve(int[] in, int lineLength, int lines, ResampleCoefficients c, int outLines, int slot) {
        int plane = lineLength * lines;
        int outPlane = lineLength * outLines;
        int[] out = scratch(slot, 3 * outPlane);
        int[] acc = scratch(4, lineLength);
        int[] line = scratch(5, lineLength);
        int[] weights = c.weights();
        for (int ch = 0; ch < 3; ch++) {
            for (int j = 0; j < outLines; j++) {
                Arrays.fill(acc, 0, lineLength, HALF);
                int base = ch * plane + (c.start(j) - c.first()) * lineLength;
                int k = j * c.ksize();
                for (int t = 0; t < c.taps(j); t++) {
                    int w = weights[k + t];
                    // A copy to index 0 first: C2 only vectorises when both arrays use the same index.
                    System.arraycopy(in, base + t * lineLength, line, 0, lineLength);
                    for (int s = 0; s < lineLength; s++) {
                        acc[s] += line[s] * w;
                    }
                }
                for (int s = 0; s < lineLength; s++) {
                    line[s] = Math.min(Math.max(acc[s] >> PRECISION_BITS, 0), 255);
                }
                System.arraycopy(line, 0, out, ch * outPlane + j * lineLength, lineLength);
            }
        }
        return out;
    }

    /**
     * Three channel planes of the {@code cols x rows} block at {@code (x0, y0)}, each stored column by column
     * ({@code cols} lines of {@code rows} values), in tiles so reads and writes both stay in cache.
     */
    private static int[] transposedPlanes(int[] src, int srcW, int x0, int y0, int cols, int rows) {
        int plane = cols * rows;
        int[] out = scratch(0, 3 * plane);
        for (int ty = 0; ty < rows; ty += TILE) {
            int yEnd = Math.min(rows, ty + TILE);
            for (int tx = 0; tx < cols; tx += TILE) {
                int xEnd = Math.min(cols, tx + TILE);
                for (int x = tx; x < xEnd; x++) {
                    for (int y = ty, at = (y0 + ty) * srcW + x0 + x, i = x * rows + ty;
                            y < yEnd;
                            y++, at += srcW, i++) {
                        int p = src[at];
                        out[i] = (p >>> 16) & 0xFF;
                        out[plane + i] = (p >>> 8) & 0xFF;
                        out[2 * plane + i] = p & 0xFF;
                    }
                }
            }
        }
        return out;
    }

    /** Each of three planes of {@code lines x length} values, transposed to {@code length x lines}. */
    private static int[] transpose(int[] in, int length, int lines) {
        int plane = length * lines;
        int[] out = scratch(2, 3 * plane);
        for (int c = 0; c < 3; c++) {
            int base = c * plane;
            for (int tl = 0; tl < lines; tl += TILE) {
                int lEnd = Math.min(lines, tl + TILE);
                for (int ts = 0; ts < length; ts += TILE) {
                    int sEnd = Math.min(length, ts + TILE);
                    for (int l = tl; l < lEnd; l++) {
                        for (int s = ts; s < sEnd; s++) {
                            out[base + s * lines + l] = in[base + l * length + s];
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Three channel planes of the {@code cols x rows} block at {@code (x0, y0)}, row-major. */
    private static int[] planes(int[] src, int srcW, int x0, int y0, int cols, int rows) {
        int plane = cols * rows;
        int[] out = scratch(0, 3 * plane);
        for (int y = 0; y < rows; y++) {
            for (int x = 0, at = (y0 + y) * srcW + x0, i = y * cols; x < cols; x++, at++, i++) {
                out[i] = (src[at] >>> 16) & 0xFF;
                out[plane + i] = (src[at] >>> 8) & 0xFF;
                out[2 * plane + i] = src[at] & 0xFF;
            }
        }
        return out;
    }

    /** This thread's array in {@code slot}, at least {@code size} long; its contents are left over. */
    private static int[] scratch(int slot, int size) {
        int[][] arrays = SCRATCH.get();
        if (arrays[slot].length < size) {
            arrays[slot] = new int[size];
        }
        return arrays[slot];
    }
}
