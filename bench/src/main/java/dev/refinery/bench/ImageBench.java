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
 * 85, about 50-60 KB). Baseline: {@code ImageIO.read}, a full decode with no resize. Against it: the scorer's
 * decoder alone (DCT-scaled to 320x240) and its {@link ClipPreprocessor} with CLIP's 224 config (decode, PIL's
 * bicubic resize, centre crop, normalise) by default, with full decoding (bit-for-bit PIL's resize of the decoded
 * pixels) and with ImageIO point subsampling instead of DCT scaling. Also prints how far each reduced decode moves
 * the tensor from the full one.
 */
final class ImageBench {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private ImageBench() {}

    /** The measured paths, each in its own JVM so no path's JIT profile shapes another's code. */
    private static final List<String> PATHS =
            List.of("imageio", "decode", "default", "exact", "point", "imageio/progressive", "default/progressive");

    private static final String PROGRESSIVE = "/progressive";

    static void run(int images, int seconds) throws Exception {
        List<byte[]> jpegs = jpegs(images, false);
        long bytes = jpegs.stream().mapToLong(b -> b.length).sum();
        System.out.printf(
                Locale.ROOT,
                "%d distinct %dx%d JPEGs, mean %.1f KB; one thread, %d s per path, one JVM per path%n",
                images,
                WIDTH,
                HEIGHT,
                bytes / 1024.0 / images,
                seconds);
        java.util.Map<String, Double> rates = new java.util.LinkedHashMap<>();
        for (String path : PATHS) {
            rates.put(path, fork(path, images, seconds));
        }
        double base = rates.get("imageio");
        System.out.println();
        System.out.println("path                                                    images/s   ratio vs ImageIO.read");
        report("ImageIO.read (full decode, no resize)", base, base);
        report("ImageDecoder 224 (DCT-scaled decode, no resize)", rates.get("decode"), base);
        report("ClipPreprocessor 224 (default: DCT-scaled decode)", rates.get("default"), base);
        report("ClipPreprocessor 224 (full decode, exact PIL resize)", rates.get("exact"), base);
        report("ClipPreprocessor 224 (point subsampling, margin 1)", rates.get("point"), base);
        double progressiveBase = rates.get("imageio/progressive");
        System.out.println("same images as progressive JPEGs (10 scans, successive approximation):");
        report("ImageIO.read (full decode, no resize)", progressiveBase, progressiveBase);
        report("ClipPreprocessor 224 (default: DCT-scaled decode)", rates.get("default/progressive"), progressiveBase);
        PreprocessorConfig clip = PreprocessorConfig.clipDefaults(224);
        ClipPreprocessor exact = preprocessor("exact", clip);
        System.out.printf(
                Locale.ROOT,
                "default (DCT) vs full-decode tensor: mean |diff| %.4f (normalised units)%n",
                meanDifference(preprocessor("default", clip), exact, jpegs, clip.tensorLength()));
        System.out.printf(
                Locale.ROOT,
                "point subsampling (margin 1) vs full-decode tensor: mean |diff| %.4f (normalised units)%n",
                meanDifference(preprocessor("point", clip), exact, jpegs, clip.tensorLength()));
    }

    /** Child JVM entry point ({@code BenchMain image-path PATH IMAGES SECONDS}): prints {@code rate <images/s>}. */
    static void measureOnePath(String name, int images, int seconds) throws Exception {
        boolean progressive = name.endsWith(PROGRESSIVE);
        String path = progressive ? name.substring(0, name.length() - PROGRESSIVE.length()) : name;
        List<byte[]> jpegs = jpegs(images, progressive);
        PreprocessorConfig clip = PreprocessorConfig.clipDefaults(224);
        Op op;
        if (path.equals("imageio")) {
            op = b -> ImageIO.read(new ByteArrayInputStream(b)).getRGB(7, 7);
        } else if (path.equals("decode")) {
            ImageDecoder decoder = ImageDecoder.withDefaults();
            op = b -> decoder.decode(b, clip.shortestEdge()).getRGB(7, 7);
        } else {
            ClipPreprocessor preprocessor = preprocessor(path, clip);
            float[] out = new float[clip.tensorLength()];
            op = b -> {
                preprocessor.preprocessInto(b, out, 0);
                return Float.floatToRawIntBits(out[out.length / 2]);
            };
        }
        measure(op, jpegs, Math.max(1, Math.min(seconds, 3)));
        System.out.printf(Locale.ROOT, "rate %.3f%n", measure(op, jpegs, seconds));
    }

    private static ClipPreprocessor preprocessor(String path, PreprocessorConfig clip) {
        return switch (path) {
            case "default" -> new ClipPreprocessor(clip);
            case "exact" -> new ClipPreprocessor(clip, new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, false));
            case "point" ->
                new ClipPreprocessor(clip, new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, true, 1, false));
            default -> throw new IllegalArgumentException("unknown image path " + path);
        };
    }

    private static double fork(String path, int images, int seconds) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
        String logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                BenchMain.class.getName(),
                "image-path",
                path,
                Integer.toString(images),
                Integer.toString(seconds)));
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String rate = null;
        try (var lines =
                child.inputReader(java.nio.charset.StandardCharsets.UTF_8).lines()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("rate ")) {
                    rate = line.substring(5);
                }
            }
        }
        if (child.waitFor() != 0 || rate == null) {
            throw new IllegalStateException("image path " + path + " failed (exit " + child.exitValue() + ")");
        }
        return Double.parseDouble(rate);
    }

    private static List<byte[]> jpegs(int images, boolean progressive) throws IOException {
        List<byte[]> jpegs = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            jpegs.add(jpeg(photo(i), progressive));
        }
        return jpegs;
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

    private static byte[] jpeg(BufferedImage img, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
