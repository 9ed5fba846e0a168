package dev.refinery.scorer.image;

/**
 * libjpeg's block smoothing (ITU T.81 K.8; {@code decompress_smooth_data} in libjpeg 6b's {@code jdcoefct.c}, the
 * version ImageIO bundles) for a progressive file that ended before its low AC coefficients were complete: each of
 * the five lowest AC coefficients that is still zero and not known exactly is estimated from the DC values of the
 * 3x3 neighbouring blocks (edges replicated), so an image cut after its DC scans shows smooth gradients, as libjpeg
 * renders it, rather than flat 8x8 tiles. A complete file is left as it is.
 */
final class BlockSmoothing {
    private BlockSmoothing() {}

    /**
     * Smooths the {@code across x down} blocks of a component's coefficients ({@code short[]}, 64 per block in zigzag
     * order, {@code stride} blocks per row) in place. {@code q}: its quantisation table (row-major); {@code bits[k]}
     * for zigzag k = 0..5: the point transform of the last scan that carried coefficient k, -1 if none did (libjpeg's
     * {@code coef_bits}).
     */
    static void apply(short[] coef, int stride, int across, int down, int[] q, int[] bits) {
        boolean useful = false;
        for (int k = 1; k <= 5; k++) {
            useful |= bits[k] != 0;
        }
        if (!useful || bits[0] < 0 || q[0] == 0 || q[1] == 0 || q[8] == 0 || q[16] == 0 || q[9] == 0 || q[2] == 0) {
            return;
        }
        long q00 = q[0];
        for (int by = 0; by < down; by++) {
            int up = Math.max(by - 1, 0) * stride;
            int row = by * stride;
            int below = Math.min(by + 1, down - 1) * stride;
            for (int bx = 0; bx < across; bx++) {
                int left = Math.max(bx - 1, 0);
                int right = Math.min(bx + 1, across - 1);
                int dc1 = coef[(up + left) * 64];
                int dc2 = coef[(up + bx) * 64];
                int dc3 = coef[(up + right) * 64];
                int dc4 = coef[(row + left) * 64];
                int dc5 = coef[(row + bx) * 64];
                int dc6 = coef[(row + right) * 64];
                int dc7 = coef[(below + left) * 64];
                int dc8 = coef[(below + bx) * 64];
                int dc9 = coef[(below + right) * 64];
                int at = (row + bx) * 64;
                estimate(coef, at + 1, bits[1], 36 * q00 * (dc4 - dc6), q[1]);
                estimate(coef, at + 2, bits[2], 36 * q00 * (dc2 - dc8), q[8]);
                estimate(coef, at + 3, bits[3], 9 * q00 * (dc2 + dc8 - 2 * dc5), q[16]);
                estimate(coef, at + 4, bits[4], 5 * q00 * (dc1 - dc3 - dc7 + dc9), q[9]);
                estimate(coef, at + 5, bits[5], 9 * q00 * (dc4 + dc6 - 2 * dc5), q[2]);
            }
        }
    }

    /** The estimate {@code num / (256 q)}, rounded, below the scan's resolution {@code 2^al} when that is known. */
    private static void estimate(short[] coef, int z, int al, long num, int qk) {
        if (al == 0 || coef[z] != 0) {
            return;
        }
        long pred = (((long) qk << 7) + Math.abs(num)) / ((long) qk << 8);
        if (al > 0 && pred >= 1 << al) {
            pred = (1 << al) - 1;
        }
        coef[z] = (short) (num >= 0 ? pred : -pred);
    }
}
