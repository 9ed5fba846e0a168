package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What must be refused, with which reason, and what is accepted although damaged. */
class ImageDecoderFailureTest {
    private static final ImageDecoder DECODER = ImageDecoder.withDefaults();

    @Test
    void emptyAndUnknownBytes() {
        assertReason(new byte[0], UndecodableImageException.UNDECODABLE);
        assertReason(null, UndecodableImageException.UNDECODABLE);
        assertReason(
                "<!doctype html><title>404</title>".getBytes(StandardCharsets.UTF_8),
                UndecodableImageException.UNSUPPORTED_FORMAT);
        assertReason(new byte[] {'B', 'M', 1, 2, 3, 4, 5, 6}, UndecodableImageException.UNSUPPORTED_FORMAT);
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        random[0] = 0;
        assertReason(random, UndecodableImageException.UNSUPPORTED_FORMAT);
    }

    @Test
    void knownSignatureFollowedByGarbage() {
        byte[] garbage = new byte[2048];
        new Random(11).nextBytes(garbage);
        for (byte[] magic : new byte[][] {
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            "GIF89a".getBytes(StandardCharsets.US_ASCII),
            "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)
        }) {
            byte[] b = Arrays.copyOf(magic, magic.length + garbage.length);
            System.arraycopy(garbage, 0, b, magic.length, garbage.length);
            assertThatThrownBy(() -> DECODER.decode(b, 224))
                    .isInstanceOfSatisfying(UndecodableImageException.class, e -> assertThat(e.reason())
                            .isIn(UndecodableImageException.UNDECODABLE, UndecodableImageException.TOO_MANY_PIXELS));
        }
    }

    @Test
    void truncatedJpegIsAcceptedWhenTheReaderGetsPastTheHeaderAndRefusedOtherwise() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.pattern(96, 64), 0.9f, false);
        BufferedImage half = DECODER.decode(Arrays.copyOf(jpeg, jpeg.length / 2), 0);
        assertThat(half.getWidth()).isEqualTo(96);
        assertThat(half.getHeight()).isEqualTo(64);
        assertReason(Arrays.copyOf(jpeg, 200), UndecodableImageException.UNDECODABLE);
        assertReason(Arrays.copyOf(jpeg, 3), UndecodableImageException.UNDECODABLE);
    }

    @Test
    void truncatedPngIsRefused() {
        byte[] png = TestImages.png(TestImages.pattern(96, 64));
        assertReason(Arrays.copyOf(png, png.length / 2), UndecodableImageException.UNDECODABLE);
    }

    @Test
    void decompressionBombsAreRefusedFromTheHeader() {
        assertReason(HeaderOnly.png(100_000, 100_000), UndecodableImageException.TOO_MANY_PIXELS);
        assertReason(HeaderOnly.jpeg(60_000, 60_000), UndecodableImageException.TOO_MANY_PIXELS);
        ImageDecoder strict = new ImageDecoder(399, true);
        UndecodableImageException e = catchThrowableOfType(
                UndecodableImageException.class, () -> strict.decode(TestImages.png(TestImages.pattern(20, 20)), 0));
        assertThat(e.reason()).isEqualTo(UndecodableImageException.TOO_MANY_PIXELS);
        assertThat(e.getMessage()).contains("20x20");
    }

    @Test
    void damagedImagesNeverEscapeAsAnotherException() {
        Random random = new Random(3);
        byte[][] sources = {
            TestImages.jpeg(TestImages.pattern(80, 60), 0.8f, false),
            TestImages.jpeg(TestImages.pattern(80, 60), 0.8f, true),
            TestImages.png(TestImages.pattern(80, 60)),
            TestImages.animatedGif(java.util.List.of(TestImages.pattern(30, 20), TestImages.pattern(30, 20))),
            WebpLossless.image(5, 5, 1, new int[] {2, 3}, 4, new int[25])
        };
        for (int i = 0; i < 300; i++) {
            byte[] b = sources[i % sources.length].clone();
            if (i % 3 == 0) {
                b = Arrays.copyOf(b, 4 + random.nextInt(b.length - 4));
            } else {
                for (int flips = 0; flips < 1 + random.nextInt(8); flips++) {
                    b[12 + random.nextInt(b.length - 12)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            try {
                BufferedImage img = DECODER.decode(b, 16);
                assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            } catch (UndecodableImageException e) {
                assertThat(e.reason())
                        .isIn(
                                UndecodableImageException.UNDECODABLE,
                                UndecodableImageException.TOO_MANY_PIXELS,
                                UndecodableImageException.UNSUPPORTED_FORMAT);
            }
        }
    }

    private static void assertReason(byte[] bytes, String reason) {
        assertThatThrownBy(() -> DECODER.decode(bytes, 224))
                .isInstanceOfSatisfying(UndecodableImageException.class, e -> assertThat(e.reason())
                        .isEqualTo(reason));
    }
}
