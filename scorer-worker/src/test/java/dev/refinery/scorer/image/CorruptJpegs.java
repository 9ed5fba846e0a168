package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;

/** Damaged copies of a JPEG (truncations and bit flips past the SOI) and the one acceptable way to decode them. */
final class CorruptJpegs {
    private CorruptJpegs() {}

    /** Every fourth copy ({@code i % 4 == 0}) truncated at a random length, the others with 1-6 random bit flips. */
    static byte[] mutate(byte[] jpeg, Random random, int i) {
        if (i % 4 == 0) {
            return Arrays.copyOf(jpeg, 2 + random.nextInt(jpeg.length - 2));
        }
        byte[] b = jpeg.clone();
        for (int flips = 0; flips < 1 + random.nextInt(6); flips++) {
            b[2 + random.nextInt(b.length - 2)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
    }

    /**
     * Decodes {@code bytes} and returns the image's width, or -1 when the decoder refused them: a {@code TYPE_INT_RGB}
     * image or an {@link UndecodableImageException} with a decoding reason are the only acceptable outcomes.
     */
    static int decodeOrRefuse(ImageDecoder decoder, byte[] bytes, int target) {
        try {
            BufferedImage img = decoder.decode(bytes, target);
            assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(Math.min(img.getWidth(), img.getHeight())).isGreaterThanOrEqualTo(1);
            return img.getWidth();
        } catch (UndecodableImageException e) {
            assertThat(e.reason())
                    .isIn(UndecodableImageException.UNDECODABLE, UndecodableImageException.TOO_MANY_PIXELS);
            return -1;
        }
    }
}
