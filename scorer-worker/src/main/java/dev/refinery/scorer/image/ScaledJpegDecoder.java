package dev.refinery.scorer.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Decodes a JPEG at 1/2, 1/4 or 1/8 of its size in the DCT domain ({@link ScaledIdct}), as libjpeg's
 * {@code scale_denom} and PIL's {@code Image.draft} do: the entropy decoding is the same, but each block's inverse
 * transform yields 4x4, 2x2 or 1x1 samples, so the transform, the colour conversion and the resize after it all touch
 * 4 to 64 times fewer pixels, and the reduction is a box-like low-pass instead of point sampling. This class decodes
 * sequential frames block by block straight into the planes; progressive frames go to {@link ProgressiveScans}. Both
 * share the geometry, transform and colour conversion of {@link ScaledPlanes}. Not thread-safe; one instance per
 * decode.
 */
final class ScaledJpegDecoder {
    private final JpegFrame f;
    private final ScaledPlanes g;

    private ScaledJpegDecoder(JpegFrame f, ScaledPlanes g) {
        this.f = f;
        this.g = g;
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
        ScaledPlanes planes = new ScaledPlanes(frame, samples);
        if (frame.progressive) {
            // the scans rewrite a frame's tables and scan position: a fresh one leaves the caller's as parsed
            ProgressiveScans.decode(bytes, JpegFrame.parse(bytes), planes);
        } else {
            new ScaledJpegDecoder(frame, planes).entropyDecode(bytes);
        }
        return planes.toRgb();
    }

    private void entropyDecode(byte[] bytes) throws JpegStreamException {
        JpegBitReader in = new JpegBitReader(bytes, f.scanStart);
        int[] coef = new int[64];
        int[] pred = new int[3];
        int[] bh = g.bh;
        int[] bv = g.bv;
        int mcusX = g.mcusX;
        int interval = f.restartInterval;
        int total = mcusX * g.mcusY;
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
                int[] keep = g.keep[c];
                for (int by = 0; by < bv[c]; by++) {
                    for (int bx = 0; bx < bh[c]; bx++) {
                        int mask = in.block(dc, ac, q, keep, coef, pred, c);
                        g.put(c, mx * bh[c] + bx, my * bv[c] + by, coef, mask);
                    }
                }
            }
        }
        if (in.overran()) {
            throw new JpegStreamException("entropy-coded data ends early");
        }
    }
}
