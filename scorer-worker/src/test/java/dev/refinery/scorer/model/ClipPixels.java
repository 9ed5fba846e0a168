package dev.refinery.scorer.model;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A test-side CLIP image processor, as HuggingFace's {@code CLIPImageProcessor} with Pillow does it: convert to RGB,
 * bicubic resize (Pillow's separable convolution, support widened when shrinking, 8-bit rounding after each pass) of
 * the shortest edge to {@code side}, centre crop {@code side x side}, {@code x / 255}, {@code (x - mean) / std}, CHW.
 * It matches the golden outputs of transformers in {@code src/test/resources/golden} to within one 8-bit level.
 */
final class ClipPixels {
    private static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private ClipPixels() {}

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("undecodable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preprocessed images packed one after another, [images, 3, side, side]. */
    static float[] batch(List<byte[]> images, int side) {
        int size = 3 * side * side;
        float[] packed = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(preprocess(decode(images.get(i)), side), 0, packed, i * size, size);
        }
        return packed;
    }

    /** Channels-first pixel values [3, side, side] of {@code image}. */
    static float[] preprocess(BufferedImage image, int side) {
        int w = image.getWidth();
        int h = image.getHeight();
        int newW = w <= h ? side : (int) ((long) side * w / h);
        int newH = w <= h ? (int) ((long) side * h / w) : side;
        int[][] rgb = new int[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                rgb[0][y * w + x] = p >> 16 & 0xFF;
                rgb[1][y * w + x] = p >> 8 & 0xFF;
                rgb[2][y * w + x] = p & 0xFF;
            }
        }
        int top = (newH - side) / 2;
        int left = (newW - side) / 2;
        float[] out = new float[3 * side * side];
        for (int c = 0; c < 3; c++) {
            int[] horizontal = resample(rgb[c], w, h, newW, true);
            int[] resized = resample(horizontal, newW, h, newH, false);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    float v = resized[(top + y) * newW + left + x] / 255f;
                    out[c * side * side + y * side + x] = (v - MEAN[c]) / STD[c];
                }
            }
        }
        return out;
    }

    /** One Pillow-style bicubic pass along x (horizontal) or y, to {@code target} samples, rounded to 8 bits. */
    private static int[] resample(int[] in, int w, int h, int target, boolean horizontal) {
        int inSize = horizontal ? w : h;
        double scale = (double) inSize / target;
        double filterScale = Math.max(scale, 1);
        double support = 2 * filterScale;
        int outW = horizontal ? target : w;
        int outH = horizontal ? h : target;
        int[] out = new int[outW * outH];
        for (int i = 0; i < target; i++) {
            double centre = (i + 0.5) * scale;
            int min = Math.max((int) (centre - support + 0.5), 0);
            int max = Math.min((int) (centre + support + 0.5), inSize);
            double[] weights = new double[max - min];
            double total = 0;
            for (int k = 0; k < weights.length; k++) {
                weights[k] = cubic((k + min - centre + 0.5) / filterScale);
                total += weights[k];
            }
            int lines = horizontal ? h : w;
            for (int line = 0; line < lines; line++) {
                double acc = 0;
                for (int k = 0; k < weights.length; k++) {
                    int src = horizontal ? line * w + min + k : (min + k) * w + line;
                    acc += in[src] * weights[k];
                }
                int dst = horizontal ? line * outW + i : i * outW + line;
                out[dst] = Math.clamp(Math.round(acc / total), 0, 255);
            }
        }
        return out;
    }

    private static double cubic(double x) {
        double a = -0.5;
        double t = Math.abs(x);
        if (t < 1) {
            return ((a + 2) * t - (a + 3)) * t * t + 1;
        }
        if (t < 2) {
            return (((t - 5) * t + 8) * t - 4) * a;
        }
        return 0;
    }
}
