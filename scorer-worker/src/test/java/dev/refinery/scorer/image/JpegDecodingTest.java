package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** JPEG flavours found on the web: progressive, Adobe CMYK, ICC-tagged, EXIF-rotated. */
class JpegDecodingTest {
    private static final ImageDecoder DECODER = ImageDecoder.withDefaults();

    @Test
    void baselineAndProgressiveJpegsDecodeAlike() throws Exception {
        BufferedImage src = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                src.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 128);
            }
        }
        byte[] jpeg = TestImages.jpeg(src, 0.95f, false);
        BufferedImage baseline = DECODER.decode(jpeg, 0);
        BufferedImage progressive = DECODER.decode(TestImages.jpeg(src, 0.95f, true), 0);
        assertThat(baseline.getWidth()).isEqualTo(64);
        assertThat(progressive.getHeight()).isEqualTo(48);
        assertThat(Pixels.maxDifference(baseline, progressive)).isLessThanOrEqualTo(2);
        assertThat(Pixels.meanDifference(baseline, src)).isLessThan(1.5);
        assertThat(Pixels.maxDifference(baseline, ImageIO.read(new ByteArrayInputStream(jpeg))))
                .isZero();
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws Exception {
        int w = 16;
        int h = 8;
        int[][] ink = new int[w * h][];
        for (int i = 0; i < ink.length; i++) {
            int x = i % w;
            ink[i] = x < 6 ? new int[] {0, 0, 0, 0} : x < 11 ? new int[] {255, 0, 0, 0} : new int[] {0, 0, 0, 255};
        }
        BufferedImage img = DECODER.decode(JpegSegments.cmykJpeg(w, h, ink), 0);
        int white = img.getRGB(2, 4);
        int cyan = img.getRGB(8, 4);
        int black = img.getRGB(14, 4);
        assertThat(Arrays.stream(Pixels.channels(white)).min().orElseThrow()).isGreaterThan(230);
        assertThat(Arrays.stream(Pixels.channels(black)).max().orElseThrow()).isLessThan(70);
        assertThat(Pixels.channels(cyan)[0]).isLessThan(100);
        assertThat(Pixels.channels(cyan)[1]).isGreaterThan(100);
        assertThat(Pixels.channels(cyan)[2]).isGreaterThan(150);
    }

    @Test
    void embeddedRgbProfileKeepsStoredValuesLikePil() throws Exception {
        byte[] plain = TestImages.jpeg(TestImages.pattern(48, 32), 0.95f, false);
        BufferedImage without = DECODER.decode(plain, 0);
        BufferedImage with = DECODER.decode(JpegSegments.withLinearRgbProfile(plain), 0);
        assertThat(Pixels.maxDifference(without, with)).isLessThanOrEqualTo(1);
        byte[] large = TestImages.jpeg(TestImages.pattern(300, 200), 0.95f, false);
        BufferedImage subsampled = DECODER.decode(large, 60);
        assertThat(subsampled.getHeight()).as("1/2 scale in the DCT domain").isEqualTo(100);
        BufferedImage tagged = DECODER.decode(JpegSegments.withLinearRgbProfile(large), 60);
        assertThat(Pixels.maxDifference(subsampled, tagged)).isLessThanOrEqualTo(1);
    }

    @Test
    void exifOrientationTurnsJpegUpright() throws Exception {
        BufferedImage src = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                src.setRGB(x, y, x < 16 ? 0xFF0000 : 0x0000FF);
            }
        }
        byte[] rotated = JpegSegments.withExifOrientation(TestImages.jpeg(src, 0.95f, false), 6);
        ImageDecoder.Decoded d = DECODER.decodeSized(rotated, 0);
        assertThat(d.image().getWidth()).isEqualTo(16);
        assertThat(d.image().getHeight()).isEqualTo(32);
        assertThat(d.sourceWidth()).isEqualTo(16);
        assertThat(d.sourceHeight()).isEqualTo(32);
        assertThat(Pixels.channels(d.image().getRGB(8, 4))[0])
                .as("top is the red left side")
                .isGreaterThan(200);
        assertThat(Pixels.channels(d.image().getRGB(8, 28))[2])
                .as("bottom is the blue right side")
                .isGreaterThan(200);
    }
}
