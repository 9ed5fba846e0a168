package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The eight EXIF orientations, as PIL's {@code ImageOps.exif_transpose} applies them, and the tag parser. */
class ExifOrientationTest {
    // a b c
    // d e f
    private static final int[] SOURCE = {'a', 'b', 'c', 'd', 'e', 'f'};

    @Test
    void appliesEachOrientation() {
        assertOriented(1, 3, "abcdef");
        assertOriented(2, 3, "cbafed");
        assertOriented(3, 3, "fedcba");
        assertOriented(4, 3, "defabc");
        assertOriented(5, 2, "adbecf");
        assertOriented(6, 2, "daebfc");
        assertOriented(7, 2, "fcebda");
        assertOriented(8, 2, "cfbead");
    }

    @Test
    void readsTheTagAndToleratesJunk() {
        byte[] jpeg = TestImages.jpeg(TestImages.pattern(8, 8), 0.9f, false);
        assertThat(ExifOrientation.read(jpeg)).isEqualTo(1);
        for (int o = 1; o <= 8; o++) {
            assertThat(ExifOrientation.read(JpegSegments.withExifOrientation(jpeg, o)))
                    .isEqualTo(o);
        }
        assertThat(ExifOrientation.read(JpegSegments.withExifOrientation(jpeg, 9)))
                .isEqualTo(1);
        byte[] cut = JpegSegments.withExifOrientation(jpeg, 6);
        assertThat(ExifOrientation.read(java.util.Arrays.copyOf(cut, 30))).isEqualTo(1);
        assertThat(ExifOrientation.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 0}))
                .isEqualTo(1);
    }

    private static void assertOriented(int orientation, int width, String expected) {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < SOURCE.length; i++) {
            img.setRGB(i % 3, i / 3, SOURCE[i]);
        }
        BufferedImage out = ExifOrientation.apply(img, orientation);
        assertThat(out.getWidth()).isEqualTo(width);
        StringBuilder got = new StringBuilder();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                got.append((char) (out.getRGB(x, y) & 0xFFFFFF));
            }
        }
        assertThat(got.toString()).as("orientation %d", orientation).isEqualTo(expected);
    }
}
