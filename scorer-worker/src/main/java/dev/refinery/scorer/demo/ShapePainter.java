package dev.refinery.scorer.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Paints one demo scene: a shape in a jittered colour on a light, slightly tinted background with sensor-like noise.
 * The shape lies inside the image's central square (so a CLIP centre crop keeps all of it), at 38-68% of its side.
 */
final class ShapePainter {
    private static final int MIN_SIDE = 160;
    private static final int MAX_SIDE = 320;

    private ShapePainter() {}

    static BufferedImage paint(DemoColour colour, DemoShape shape, Random r) {
        int width = MIN_SIDE + r.nextInt(MAX_SIDE - MIN_SIDE + 1);
        int height = Math.clamp(Math.round(width * (0.75 + 0.5 * r.nextDouble())), MIN_SIDE, MAX_SIDE);
        int side = Math.min(width, height);
        double size = side * (0.38 + 0.30 * r.nextDouble());
        double slack = Math.max(0, (side - size) / 2 - 0.06 * side);
        double cx = width / 2.0 + (2 * r.nextDouble() - 1) * slack;
        double cy = height / 2.0 + (2 * r.nextDouble() - 1) * slack;
        int level = 228 + r.nextInt(28);
        Color background = new Color(tint(level, r), tint(level, r), tint(level, r));
        Color foreground = jitter(colour.rgb(), r);

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(background);
            g.fillRect(0, 0, width, height);
            g.setColor(foreground);
            g.fill(outline(shape, cx, cy, size, r.nextBoolean()));
        } finally {
            g.dispose();
        }
        addNoise(image, 1.5 + 3.5 * r.nextDouble(), r);
        return image;
    }

    /** The shape centred at (cx, cy) with a bounding box of about size x size. */
    static Shape outline(DemoShape shape, double cx, double cy, double size, boolean flip) {
        double half = size / 2;
        return switch (shape) {
            case CIRCLE -> new Ellipse2D.Double(cx - half, cy - half, size, size);
            case SQUARE -> new Rectangle2D.Double(cx - half, cy - half, size, size);
            case TRIANGLE -> {
                double apex = flip ? cy + half : cy - half;
                double base = flip ? cy - half : cy + half;
                Path2D.Double p = new Path2D.Double();
                p.moveTo(cx, apex);
                p.lineTo(cx + half, base);
                p.lineTo(cx - half, base);
                p.closePath();
                yield p;
            }
            case STAR -> star(cx, cy, size);
            case RING -> {
                Area ring = new Area(new Ellipse2D.Double(cx - half, cy - half, size, size));
                double hole = half * 0.5;
                ring.subtract(new Area(new Ellipse2D.Double(cx - hole, cy - hole, 2 * hole, 2 * hole)));
                yield ring;
            }
        };
    }

    /** A five-pointed star, point up, inner radius 0.4 of the outer, its bounding box about size wide. */
    private static Shape star(double cx, double cy, double size) {
        double outer = size / (2 * Math.sin(Math.toRadians(72)));
        double inner = 0.4 * outer;
        double centreY = cy + (outer - outer * (1 + Math.cos(Math.toRadians(36))) / 2);
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? outer : inner;
            double angle = Math.toRadians(-90 + 36 * i);
            double x = cx + radius * Math.cos(angle);
            double y = centreY + radius * Math.sin(angle);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    private static int tint(int level, Random r) {
        return Math.clamp(level + r.nextInt(13) - 6, 0, 255);
    }

    private static Color jitter(int rgb, Random r) {
        int red = Math.clamp((rgb >> 16 & 0xFF) + r.nextInt(29) - 14, 0, 255);
        int green = Math.clamp((rgb >> 8 & 0xFF) + r.nextInt(29) - 14, 0, 255);
        int blue = Math.clamp((rgb & 0xFF) + r.nextInt(29) - 14, 0, 255);
        return new Color(red, green, blue);
    }

    /** Adds roughly Gaussian noise (a sum of three uniforms) of standard deviation {@code sigma} to each channel. */
    private static void addNoise(BufferedImage image, double sigma, Random r) {
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        SplittableRandom noise = new SplittableRandom(r.nextLong());
        double scale = 2 * sigma;
        for (int i = 0; i < pixels.length; i++) {
            int rgb = pixels[i];
            int red = noisy(rgb >> 16 & 0xFF, scale, noise);
            int green = noisy(rgb >> 8 & 0xFF, scale, noise);
            int blue = noisy(rgb & 0xFF, scale, noise);
            pixels[i] = red << 16 | green << 8 | blue;
        }
    }

    private static int noisy(int value, double scale, SplittableRandom noise) {
        double n = noise.nextDouble() + noise.nextDouble() + noise.nextDouble() - 1.5;
        return Math.clamp((int) (value + scale * n + 0.5 + 256) - 256, 0, 255);
    }
}
