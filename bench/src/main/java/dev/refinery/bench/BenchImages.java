package dev.refinery.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Web-like JPEGs of about 50 KB (gradients, shapes and noise at 480x360), each made unique by a JPEG comment segment
 * after SOI, so a benchmark can have thousands of distinct images without encoding thousands.
 */
final class BenchImages {
    private BenchImages() {}

    static List<byte[]> jpegs(int count, int distinctBases) {
        List<byte[]> bases = new ArrayList<>();
        for (int i = 0; i < distinctBases; i++) {
            bases.add(base(i));
        }
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(withComment(bases.get(i % distinctBases), "bench image " + i));
        }
        return out;
    }

    private static byte[] base(int seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xffffff)), 480, 360, new Color(r.nextInt(0xffffff))));
        g.fillRect(0, 0, 480, 360);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillOval(r.nextInt(440), r.nextInt(320), 20 + r.nextInt(160), 20 + r.nextInt(160));
        }
        g.dispose();
        for (int i = 0; i < 60_000; i++) {
            int x = r.nextInt(480);
            int y = r.nextInt(360);
            img.setRGB(x, y, img.getRGB(x, y) ^ (r.nextInt(0x3f3f3f)));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        int len = text.length + 2;
        byte[] out = new byte[jpeg.length + 2 + len];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) (len >> 8);
        out[5] = (byte) len;
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }
}
