package dev.refinery.scorer.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The demo crawl's images: one {@link DemoShape} in one {@link DemoColour} on a light, slightly tinted, noisy
 * background; 160-320 px per side with varying aspect ratio, shape size and position; JPEG (quality 75-95) or PNG.
 * Deterministic: image {@code i} of a seed is always the same bytes, whatever the count. Captions that match an image,
 * or name a different colour and/or shape, come from {@link #matchedCaption} and {@link #mismatchedCaption}.
 */
public final class ShapeImages {
    private static final double JPEG_SHARE = 0.75;

    private ShapeImages() {}

    /** The first {@code count} images of the crawl seeded with {@code seed}. */
    public static List<DemoImage> generate(int count, long seed) {
        List<DemoImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(image(seed, i));
        }
        return List.copyOf(images);
    }

    /** Image {@code index} of the crawl seeded with {@code seed}. */
    public static DemoImage image(long seed, int index) {
        Random r = new Random(mix(seed, index));
        DemoColour colour = DemoColour.values()[r.nextInt(DemoColour.values().length)];
        DemoShape shape = DemoShape.values()[r.nextInt(DemoShape.values().length)];
        BufferedImage picture = ShapePainter.paint(colour, shape, r);
        boolean jpeg = r.nextDouble() < JPEG_SHARE;
        byte[] bytes = jpeg ? jpeg(picture, 0.75f + 0.2f * r.nextFloat()) : png(picture);
        return new DemoImage(
                bytes, jpeg ? "jpeg" : "png", colour.word(), shape.word(), picture.getWidth(), picture.getHeight());
    }

    /** A caption naming the image's colour and shape, e.g. "photo of a crimson circle on a light background". */
    public static String matchedCaption(DemoImage image, Random random) {
        return ShapeCaptions.describe(image.demoColour(), image.demoShape(), random);
    }

    /** A caption naming a different colour, a different shape, or both (a third of the time each). */
    public static String mismatchedCaption(DemoImage image, Random random) {
        int kind = random.nextInt(3);
        DemoColour colour = kind == 1 ? image.demoColour() : other(DemoColour.values(), image.demoColour(), random);
        DemoShape shape = kind == 0 ? image.demoShape() : other(DemoShape.values(), image.demoShape(), random);
        return ShapeCaptions.describe(colour, shape, random);
    }

    /** A caption describing {@code colour} and {@code shape} in one of the crawl's wordings. */
    public static String caption(DemoColour colour, DemoShape shape, Random random) {
        return ShapeCaptions.describe(colour, shape, random);
    }

    private static <T> T other(T[] values, T not, Random random) {
        T pick;
        do {
            pick = values[random.nextInt(values.length)];
        } while (pick == not);
        return pick;
    }

    private static long mix(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
