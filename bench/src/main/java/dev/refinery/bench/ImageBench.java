package dev.refinery.bench;

import dev.refinery.scorer.image.ClipPreprocessor;
import dev.refinery.scorer.image.ImageDecoder;
import dev.refinery.scorer.image.PreprocessorConfig;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Single-thread image throughput on distinct web-like 640x480 JPEGs (gradients, shapes, lines and noise at quality
 * 85, about 50-60 KB). Baseline: {@code ImageIO.read}, a full decode with no resize. Against it, the scorer's
 * {@link ClipPreprocessor} with CLIP's 224 config (subsampled decode, PIL's bicubic resize, centre crop,
 * normalise), and the same with subsampling off, whose resize is bit-for-bit PIL's on the decoded pixels. Also prints
 * how far subsampling moves the tensor. Needs bench/pom.xml to depend on {@code dev.refinery:scorer-worker}.
 */
final class ImageBench {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private ImageBench() {}

    static void run(int images, int seconds) throws Exception {
        List<byte[]> jpegs = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < images; i++) {
            jpegs.add(jpeg(photo(i)));
            bytes += jpegs.get(i).length;
        }
        System.out.printf(
                Locale.ROOT,
                "%d distinct %dx%d JPEGs, mean %.1f KB; one thread, %d s per path%n",
                images,
                WIDTH,
                HEIGHT,
                bytes / 1024.0 / images,
                seconds);
        PreprocessorConfig clip = PreprocessorConfig.clipDefaults(224);
        ClipPreprocessor fast = new ClipPreprocessor(clip);
        ClipPreprocessor exact = new ClipPreprocessor(clip, new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, false));
        float[] out = new float[clip.tensorLength()];
        Op raw = b -> ImageIO.read(new ByteArrayInputStream(b)).getRGB(7, 7);
        Op ours = b -> {
            fast.preprocessInto(b, out, 0);
            return Float.floatToRawIntBits(out[out.length / 2]);
        };
        ClipPreprocessor margin1 =
                new ClipPreprocessor(clip, new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, true, 1));
        float[] out1 = new float[clip.tensorLength()];
        Op fastest = b -> {
            margin1.preprocessInto(b, out1, 0);
            return Float.floatToRawIntBits(out1[out1.length / 2]);
        };
        Op exactPath = b -> {
            exact.preprocessInto(b, out, 0);
            return Float.floatToRawIntBits(out[out.length / 2]);
        };
        int warmup = Math.max(1, Math.min(seconds, 3));
        for (Op p : List.of(raw, ours, exactPath, fastest)) {
            measure(p, jpegs, warmup);
        }
        double base = measure(raw, jpegs, seconds);
        double subsampled = measure(ours, jpegs, seconds);
        double full = measure(exactPath, jpegs, seconds);
        double quick = measure(fastest, jpegs, seconds);
        System.out.println();
        System.out.println("path                                                  images/s   ratio vs ImageIO.read");
        report("ImageIO.read (full decode, no resize)", base, base);
        report("ClipPreprocessor 224 (subsampled decode)", subsampled, base);
        report("ClipPreprocessor 224 (full decode, exact PIL resize)", full, base);
        report("ClipPreprocessor 224 (REFINERY_SCORER_DECODE_MARGIN=1)", quick, base);
        System.out.printf(
                Locale.ROOT,
                "margin 1 vs full-decode tensor: mean |diff| %.4f (normalised units)%n",
                meanDifference(margin1, exact, jpegs, out.length));
        System.out.printf(
                Locale.ROOT,
                "subsampled vs full-decode tensor: mean |diff| %.4f (normalised units)%n",
                meanDifference(fast, exact, jpegs, out.length));
    }

    /** One measured operation; its result feeds a sink so the JIT cannot drop the work. */
    @FunctionalInterface
    private interface Op {
        int apply(byte[] image) throws Exception;
    }

    private static double measure(Op path, List<byte[]> jpegs, int seconds) throws Exception {
        long sink = 0;
        long count = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long now = start;
        while (now < end) {
            sink += path.apply(jpegs.get((int) (count % jpegs.size())));
            count++;
            now = System.nanoTime();
        }
        if (sink == 42) {
            System.out.print("");
        }
        return count / ((now - start) / 1e9);
    }

    private static void report(String name, double perSecond, double baseline) {
        System.out.printf(Locale.ROOT, "%-52s %10.1f   %8.3f%n", name, perSecond, perSecond / baseline);
    }

    private static double meanDifference(ClipPreprocessor a, ClipPreprocessor b, List<byte[]> jpegs, int n)
            throws Exception {
        double sum = 0;
        int images = Math.min(jpegs.size(), 20);
        for (int i = 0; i < images; i++) {
            float[] x = a.preprocess(jpegs.get(i));
            float[] y = b.preprocess(jpegs.get(i));
            for (int j = 0; j < n; j++) {
                sum += Math.abs(x[j] - y[j]);
            }
        }
        return sum / ((double) images * n);
    }

    /** Photographic-ish content: a sky-to-ground gradient, soft shapes, fine texture and sensor-like noise. */
    private static BufferedImage photo(int seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(
                new GradientPaint(0, 0, new Color(r.nextInt(0xFFFFFF)), WIDTH, HEIGHT, new Color(r.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 25; i++) {
            Color c = new Color(r.nextInt(0xFFFFFF));
            g.setPaint(new GradientPaint(
                    r.nextInt(WIDTH),
                    r.nextInt(HEIGHT),
                    c,
                    r.nextInt(WIDTH),
                    r.nextInt(HEIGHT),
                    c.darker().darker()));
            int w = 30 + r.nextInt(250);
            int h = 30 + r.nextInt(200);
            if (i % 3 == 0) {
                g.fillRect(r.nextInt(WIDTH) - 40, r.nextInt(HEIGHT) - 40, w, h);
            } else {
                g.fillOval(r.nextInt(WIDTH) - 40, r.nextInt(HEIGHT) - 40, w, h);
            }
        }
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i < 30; i++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            g.drawLine(r.nextInt(WIDTH), r.nextInt(HEIGHT), r.nextInt(WIDTH), r.nextInt(HEIGHT));
        }
        g.dispose();
        int[] px = img.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
        for (int i = 0; i < px.length; i++) {
            int n = (int) (r.nextGaussian() * 2.5);
            int red = clamp(((px[i] >> 16) & 0xFF) + n);
            int green = clamp(((px[i] >> 8) & 0xFF) + n);
            int blue = clamp((px[i] & 0xFF) + n);
            px[i] = red << 16 | green << 8 | blue;
        }
        img.setRGB(0, 0, WIDTH, HEIGHT, px, 0, WIDTH);
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] jpeg(BufferedImage img) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
