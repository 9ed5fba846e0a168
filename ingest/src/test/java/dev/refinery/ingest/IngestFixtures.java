package dev.refinery.ingest;

import dev.refinery.ingest.config.IngestConfig;
import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.testkit.Infra;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Isolated topics, bucket and configs per test, and real images made with ImageIO. */
final class IngestFixtures {
    private IngestFixtures() {}

    /** A fresh topic prefix and bucket, with every topic created. */
    static PlatformConfig platform(Infra infra) throws Exception {
        return TestPlatforms.create(infra);
    }

    static IngestConfig ingestConfig(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "REFINERY_INGEST_HTTP_HOST", "127.0.0.1",
                "REFINERY_INGEST_HTTP_PORT", "0",
                "REFINERY_INGEST_INSTANCE_ID", "it-" + UUID.randomUUID(),
                "REFINERY_INGEST_DOWNLOAD_ALLOW_LOOPBACK", "true",
                "REFINERY_INGEST_DOWNLOAD_RETRIES", "0"));
        env.putAll(extra);
        return IngestConfig.fromEnv(Env.of(env));
    }

    /** A 64x64 PNG of seeded noise: a distinct valid image per seed. */
    static byte[] png(int seed) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, r.nextInt(0xffffff));
            }
        }
        return encode(img, "png");
    }

    /** A photo-like JPEG of a coloured disc. */
    static byte[] jpeg(int seed) {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(Color.HSBtoRGB((seed % 360) / 360f, 0.8f, 0.9f)));
        g.fillOval(60 + seed % 50, 40, 160, 160);
        g.dispose();
        return encode(img, "jpg");
    }

    /** A valid PNG header claiming {@code side}x{@code side} pixels: a decompression bomb for any decoder. */
    static byte[] pngBomb(int side) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 12 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(
                b,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(side)
                        .putInt(side)
                        .put(new byte[] {8, 2, 0, 0, 0})
                        .array());
        chunk(b, "IDAT", new byte[0]);
        chunk(b, "IEND", new byte[0]);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static void chunk(ByteBuffer b, String type, byte[] data) {
        b.putInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        b.put(t).put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt((int) crc.getValue());
    }

    static URI base(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
