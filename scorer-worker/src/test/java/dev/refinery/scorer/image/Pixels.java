package dev.refinery.scorer.image;

import java.awt.image.BufferedImage;

/** Pixel comparisons for tests. */
final class Pixels {
    private Pixels() {}

    static int[] channels(int rgb) {
        return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }

    static int maxDifference(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int[] p = channels(a.getRGB(x, y));
                int[] q = channels(b.getRGB(x, y));
                for (int c = 0; c < 3; c++) {
                    max = Math.max(max, Math.abs(p[c] - q[c]));
                }
            }
        }
        return max;
    }

    static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int[] p = channels(a.getRGB(x, y));
                int[] q = channels(b.getRGB(x, y));
                sum += java.util.Arrays.stream(new int[] {0, 1, 2})
                        .map(c -> Math.abs(p[c] - q[c]))
                        .sum();
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
