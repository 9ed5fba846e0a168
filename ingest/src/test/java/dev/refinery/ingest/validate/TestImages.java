package dev.refinery.ingest.validate;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Real images written by the JDK's ImageIO, JPEG surgery, and byte helpers. */
final class TestImages {

    private TestImages() {}

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** Writes a picture with an ImageIO writer: "jpeg", "png", "gif", "bmp". */
    static byte[] write(String format, int width, int height) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture(width, height), format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jpeg(int width, int height) {
        return write("jpeg", width, height);
    }

    static byte[] progressiveJpeg(int width, int height) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(picture(width, height), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * Splices an APP1 "Exif" segment with {@code dataLength} bytes of data (12 to 65533) right after the SOI. From 120
     * bytes on, the data holds what an embedded EXIF thumbnail does: SOI, a SOF0 claiming 9999x9999 and an EOI.
     */
    static byte[] withExif(byte[] jpeg, int dataLength) {
        byte[] data = new byte[dataLength];
        Arrays.fill(data, (byte) 0x42);
        byte[] head = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42};
        System.arraycopy(head, 0, data, 0, head.length);
        byte[] thumbnail = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0x27, 0x0F, 0x27, 0x0F, 1};
        if (dataLength >= 120) {
            System.arraycopy(thumbnail, 0, data, 100, thumbnail.length);
            data[dataLength - 2] = (byte) 0xFF;
            data[dataLength - 1] = (byte) 0xD9;
        }
        byte[] segment = concat(
                new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((dataLength + 2) >> 8), (byte) (dataLength + 2)}, data);
        return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** Offset of the first segment with this marker (the FF byte), walking the segments after SOI; -1 if none. */
    static int jpegSegment(byte[] jpeg, int marker) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            if ((jpeg[pos + 1] & 0xFF) == marker) {
                return pos;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
        }
        return -1;
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] be32(long v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }
}
