package dev.refinery.scorer.image;

import java.awt.image.BufferedImage;
import java.util.function.DoubleUnaryOperator;

/**
 * An independent, deliberately naive reference for CLIPImageProcessor + PIL, sharing no code with the main classes:
 * every output sample of each resize pass is a direct double-precision sum over all source samples of the filter
 * (support scaled by the downscale factor, weights normalised to sum 1), rounded half-up and clipped to 0..255 as
 * PIL stores each pass in 8 bits; then HF's pad-and-crop as written in {@code image_transforms.center_crop}, then
 * {@code (v / 255 - mean) / std} in double.
 */
final class ReferenceClip {
    /** Keys' cubic convolution with a = -0.5, PIL's BICUBIC. */
    static final DoubleUnaryOperator BICUBIC = t -> {
        double a = -0.5;
        double x = Math.abs(t);
        if (x < 1) {
            return (a + 2) * x * x * x - (a + 3) * x * x + 1;
        }
        return x < 2 ? a * x * x * x - 5 * a * x * x + 8 * a * x - 4 * a : 0;
    };

    /** The triangle filter, PIL's BILINEAR. */
    static final DoubleUnaryOperator BILINEAR = t -> Math.max(0, 1 - Math.abs(t));

    private ReferenceClip() {}

    /** The expected CHW tensor for {@code img} (TYPE_INT_RGB) under CLIP's shortest-edge resize and centre crop. */
    static double[] expected(
            BufferedImage img,
            int shortestEdge,
            int cropH,
            int cropW,
            DoubleUnaryOperator filter,
            double support,
            double[] mean,
            double[] std) {
        int w = img.getWidth();
        int h = img.getHeight();
        int rw;
        int rh;
        if (w <= h) {
            rw = shortestEdge;
            rh = (int) Math.floor(shortestEdge * (double) h / w);
        } else {
            rh = shortestEdge;
            rw = (int) Math.floor(shortestEdge * (double) w / h);
        }
        double[] out = new double[3 * cropH * cropW];
        for (int c = 0; c < 3; c++) {
            double[][] plane = new double[h][w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    plane[y][x] = (img.getRGB(x, y) >> (16 - 8 * c)) & 0xFF;
                }
            }
            double[][] across = new double[h][];
            for (int y = 0; y < h; y++) {
                across[y] = resample1d(plane[y], rw, filter, support);
            }
            double[][] resized = new double[rh][rw];
            for (int x = 0; x < rw; x++) {
                double[] column = new double[h];
                for (int y = 0; y < h; y++) {
                    column[y] = across[y][x];
                }
                double[] down = resample1d(column, rh, filter, support);
                for (int y = 0; y < rh; y++) {
                    resized[y][x] = down[y];
                }
            }
            double[][] cropped = centerCrop(resized, cropH, cropW);
            for (int y = 0; y < cropH; y++) {
                for (int x = 0; x < cropW; x++) {
                    out[c * cropH * cropW + y * cropW + x] = (cropped[y][x] / 255.0 - mean[c]) / std[c];
                }
            }
        }
        return out;
    }

    /** One PIL pass along a line: output sample i sits at (i + 0.5) * in / out in source coordinates. */
    static double[] resample1d(double[] in, int outSize, DoubleUnaryOperator filter, double support) {
        if (outSize == in.length) {
            return in.clone();
        }
        double scale = (double) in.length / outSize;
        double stretch = Math.max(1, scale);
        double[] out = new double[outSize];
        for (int i = 0; i < outSize; i++) {
            double centre = (i + 0.5) * scale;
            double sum = 0;
            double weights = 0;
            for (int x = 0; x < in.length; x++) {
                double distance = (x + 0.5 - centre) / stretch;
                if (Math.abs(distance) < support) {
                    double k = filter.applyAsDouble(distance);
                    sum += k * in[x];
                    weights += k;
                }
            }
            out[i] = Math.min(255, Math.max(0, Math.floor(sum / weights + 0.5)));
        }
        return out;
    }

    /** transformers' center_crop: slice when it fits, else zero-pad by ceil((new - old) / 2) first. */
    static double[][] centerCrop(double[][] img, int cropH, int cropW) {
        int h = img.length;
        int w = img[0].length;
        int newH = Math.max(cropH, h);
        int newW = Math.max(cropW, w);
        int padTop = (int) Math.ceil((newH - h) / 2.0);
        int padLeft = (int) Math.ceil((newW - w) / 2.0);
        double[][] padded = new double[newH][newW];
        for (int y = 0; y < h; y++) {
            System.arraycopy(img[y], 0, padded[y + padTop], padLeft, w);
        }
        int top = (int) Math.floor((h - cropH) / 2.0) + padTop;
        int left = (int) Math.floor((w - cropW) / 2.0) + padLeft;
        double[][] out = new double[cropH][cropW];
        for (int y = 0; y < cropH; y++) {
            System.arraycopy(padded[top + y], left, out[y], 0, cropW);
        }
        return out;
    }
}
