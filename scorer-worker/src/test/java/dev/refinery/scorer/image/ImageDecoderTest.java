package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding what the web serves, converted to RGB as PIL's {@code convert("RGB")}. */
class ImageDecoderTest {
    private static final ImageDecoder DECODER = ImageDecoder.withDefaults();

    @Test
    void grayPngIsReplicatedNotGammaConverted() throws Exception {
        BufferedImage gray = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(1, 1, 0, 100);
        BufferedImage img = DECODER.decode(TestImages.png(gray), 0);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(img.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x646464);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isZero();
    }

    @Test
    void sixteenBitPngsKeepTheHighByte() throws Exception {
        BufferedImage gray16 = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
        gray16.getRaster().setSample(0, 0, 0, 0x1234);
        gray16.getRaster().setSample(1, 0, 0, 0xFFFF);
        BufferedImage g = DECODER.decode(TestImages.png(gray16), 0);
        assertThat(g.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x121212);
        assertThat(g.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);

        ComponentColorModel cm = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB),
                false,
                false,
                ComponentColorModel.OPAQUE,
                DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 2);
        raster.setPixel(1, 1, new int[] {0xABCD, 0x0102, 0xFFFF});
        BufferedImage rgb = DECODER.decode(TestImages.png(new BufferedImage(cm, raster, false, null)), 0);
        assertThat(rgb.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0xAB01FF);
    }

    @Test
    void paletteWithTransparencyAndRgbaDropAlphaWithoutCompositing() throws Exception {
        IndexColorModel palette = new IndexColorModel(
                8, 2, new byte[] {(byte) 255, 0}, new byte[] {0, 0}, new byte[] {0, (byte) 255}, new byte[] {0, -1});
        BufferedImage indexed = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_INDEXED, palette);
        indexed.getRaster().setSample(2, 1, 0, 1);
        BufferedImage p = DECODER.decode(TestImages.png(indexed), 0);
        assertThat(p.getRGB(0, 0) & 0xFFFFFF)
                .as("transparent entry keeps its colour")
                .isEqualTo(0xFF0000);
        assertThat(p.getRGB(2, 1) & 0xFFFFFF).isEqualTo(0x0000FF);

        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x000A141E);
        argb.setRGB(1, 0, 0x80FF8000);
        BufferedImage a = DECODER.decode(TestImages.png(argb), 0);
        assertThat(a.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x0A141E);
        assertThat(a.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFF8000);
    }

    @Test
    void oneBitPngIsBlackAndWhite() throws Exception {
        BufferedImage binary = new BufferedImage(9, 2, BufferedImage.TYPE_BYTE_BINARY);
        binary.getRaster().setSample(8, 1, 0, 1);
        BufferedImage img = DECODER.decode(TestImages.png(binary), 0);
        assertThat(img.getRGB(8, 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(img.getRGB(7, 1) & 0xFFFFFF).isZero();
    }

    @Test
    void animatedGifGivesItsFirstFrame() throws Exception {
        byte[] gif = TestImages.animatedGif(List.of(
                TestImages.solid(10, 6, 0xFF0000),
                TestImages.solid(10, 6, 0x0000FF),
                TestImages.solid(10, 6, 0x00FF00)));
        BufferedImage img = DECODER.decode(gif, 0);
        assertThat(img.getWidth()).isEqualTo(10);
        assertThat(img.getRGB(5, 3) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void losslessWebpDecodesExactly() throws Exception {
        int[] pattern = new int[4 * 3];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (i % 4 + i / 4) % 2;
        }
        BufferedImage img = DECODER.decode(WebpLossless.image(4, 3, 200, new int[] {10, 240}, 30, pattern), 0);
        assertThat(img.getWidth()).isEqualTo(4);
        assertThat(img.getHeight()).isEqualTo(3);
        for (int i = 0; i < pattern.length; i++) {
            int want = 200 << 16 | (pattern[i] == 0 ? 10 : 240) << 8 | 30;
            assertThat(img.getRGB(i % 4, i / 4) & 0xFFFFFF).isEqualTo(want);
        }
    }

    @Test
    void shouldReduceLargeImagesButKeepTheShortSideAboveTheTarget() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.pattern(1000, 700), 0.8f, false);
        ImageDecoder.Decoded d = DECODER.decodeSized(jpeg, 224);
        assertThat(d.image().getWidth())
                .as("baseline JPEG: 1/2 scale in the DCT domain")
                .isEqualTo(500);
        assertThat(d.image().getHeight()).isEqualTo(350);
        assertThat(d.sourceWidth()).isEqualTo(1000);
        assertThat(d.sourceHeight()).isEqualTo(700);
        BufferedImage full = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, false).decode(jpeg, 224);
        assertThat(full.getWidth()).isEqualTo(1000);
        byte[] progressive = TestImages.jpeg(TestImages.pattern(1000, 700), 0.8f, true);
        BufferedImage half = DECODER.decode(progressive, 224);
        assertThat(half.getWidth())
                .as("progressive JPEG: 1/2 scale in the DCT domain too")
                .isEqualTo(500);
        assertThat(half.getHeight()).isEqualTo(350);
        byte[] large = TestImages.png(TestImages.pattern(1000, 700));
        assertThat(DECODER.decode(large, 224).getWidth())
                .as("point subsampling keeps twice the target: 700 < 4 x 224")
                .isEqualTo(1000);
        ImageDecoder marginOne = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, true, 1);
        assertThat(marginOne.decode(large, 224).getWidth()).isEqualTo(333);
        assertThat(marginOne.decode(large, 224).getHeight()).isEqualTo(233);
        byte[] png = TestImages.png(TestImages.pattern(500, 460));
        assertThat(DECODER.decode(png, 224).getWidth()).isEqualTo(500);
        BufferedImage subsampled = marginOne.decode(png, 224);
        assertThat(Math.min(subsampled.getWidth(), subsampled.getHeight())).isEqualTo(230);
        ImageDecoder noDct = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, true, 1, false);
        assertThat(noDct.decode(jpeg, 224).getWidth()).isEqualTo(333);
    }

    @Test
    void shouldTurnDctScaledJpegsUprightAndKeepThePixelLimit() throws Exception {
        byte[] rotated =
                JpegSegments.withExifOrientation(TestImages.jpeg(TestImages.pattern(640, 320), 0.9f, false), 6);
        ImageDecoder.Decoded d = DECODER.decodeSized(rotated, 100);
        assertThat(d.image().getWidth()).isEqualTo(160);
        assertThat(d.image().getHeight()).isEqualTo(320);
        assertThat(d.sourceWidth()).isEqualTo(320);
        assertThat(d.sourceHeight()).isEqualTo(640);
        ImageDecoder strict = new ImageDecoder(640 * 320 - 1, true);
        assertThatThrownBy(() -> strict.decode(rotated, 100))
                .isInstanceOfSatisfying(UndecodableImageException.class, e -> assertThat(e.reason())
                        .isEqualTo(UndecodableImageException.TOO_MANY_PIXELS));
    }

    @Test
    void shouldFallBackToImageIoForAJpegTheScaledDecoderRefuses() throws Exception {
        byte[] jpeg = JpegLayouts.jpeg(
                ScaledJpegDecoderTest.smooth(480, 480, false), new int[][] {{2, 2}, {1, 1}, {1, 1}}, 4, 0.9f);
        byte[] broken = jpeg.clone();
        int at = JpegFrame.parse(broken).scanStart;
        while (!((broken[at] & 0xFF) == 0xFF && (broken[at + 1] & 0xF8) == 0xD0)) {
            at++;
        }
        broken[at + 1] = (byte) 0xD3;
        BufferedImage img = DECODER.decode(broken, 224);
        assertThat(img.getWidth()).as("ImageIO decoded it at full size").isEqualTo(480);
        assertThat(DECODER.decode(jpeg, 224).getWidth()).isEqualTo(240);
    }

    @Test
    void subsamplingFactorIsTheLargestKeepingTheTarget() {
        assertThat(ImageDecoder.subsamplingFactor(447, 224)).isEqualTo(1);
        assertThat(ImageDecoder.subsamplingFactor(448, 224)).isEqualTo(2);
        assertThat(ImageDecoder.subsamplingFactor(480, 224)).isEqualTo(2);
        assertThat(ImageDecoder.subsamplingFactor(700, 224)).isEqualTo(3);
        assertThat(ImageDecoder.subsamplingFactor(4000, 224)).isEqualTo(17);
        assertThat(ImageDecoder.subsamplingFactor(4000, 0)).isEqualTo(1);
        for (int side = 224; side < 3000; side += 7) {
            int f = ImageDecoder.subsamplingFactor(side, 224);
            assertThat(ImageDecoder.subsampledSide(side, f)).isGreaterThanOrEqualTo(224);
            assertThat(f == 1 || ImageDecoder.subsampledSide(side, f + 1) < 224).isTrue();
        }
    }
}
