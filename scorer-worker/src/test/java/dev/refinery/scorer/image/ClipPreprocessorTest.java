package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Cases whose expected output follows from the algorithm by hand, and the batching API. */
class ClipPreprocessorTest {
    private static final ImageDecoder EXACT = TestConfigs.EXACT;

    @Test
    void constantImageGivesNormalisedConstantEverywhere() throws Exception {
        int r = 57;
        int g = 128;
        int b = 201;
        byte[] png = TestImages.png(TestImages.solid(50, 30, r << 16 | g << 8 | b));
        for (int resample : new int[] {1, 2, 3, 4, 5}) {
            for (int size : new int[] {7, 24, 100}) {
                PreprocessorConfig config = TestConfigs.clip(size, size, size, resample);
                float[] out = new ClipPreprocessor(config, EXACT).preprocess(png);
                int plane = size * size;
                int[] rgb = {r, g, b};
                for (int i = 0; i < out.length; i++) {
                    int c = i / plane;
                    float mean =
                            (float) PreprocessorConfig.OPENAI_CLIP_MEAN.get(c).doubleValue();
                    float std =
                            (float) PreprocessorConfig.OPENAI_CLIP_STD.get(c).doubleValue();
                    float want = ((float) (rgb[c] / 255.0) - mean) / std;
                    assertThat(out[i])
                            .as("filter %d size %d sample %d", resample, size, i)
                            .isEqualTo(want);
                }
            }
        }
    }

    @Test
    void shortSideAlreadyRightIsACropOfTheStoredPixels() throws Exception {
        BufferedImage img = TestImages.pattern(25, 20);
        PreprocessorConfig config = TestConfigs.clip(20, 20, 20, 3);
        float[] out = new ClipPreprocessor(config, EXACT).preprocess(TestImages.png(img));
        // No resize (20 is the short side, int(20 * 25 / 20) = 25); left = (25 - 20) // 2 = 2, top = 0.
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                int p = img.getRGB(x + 2, y);
                assertThat(out[y * 20 + x]).isEqualTo(TestConfigs.normalised(config, 0, (p >> 16) & 0xFF));
                assertThat(out[400 + y * 20 + x]).isEqualTo(TestConfigs.normalised(config, 1, (p >> 8) & 0xFF));
                assertThat(out[800 + y * 20 + x]).isEqualTo(TestConfigs.normalised(config, 2, p & 0xFF));
            }
        }
    }

    @Test
    void smallerImageIsZeroPaddedLikeTransformers() throws Exception {
        BufferedImage img = TestImages.pattern(5, 3);
        PreprocessorConfig config = TestConfigs.json("{'do_resize': false, 'crop_size': 8}");
        float[] out = new ClipPreprocessor(config, EXACT).preprocess(TestImages.png(img));
        // top_pad = ceil((8 - 3) / 2) = 3, left_pad = ceil((8 - 5) / 2) = 2
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                boolean inside = y >= 3 && y < 6 && x >= 2 && x < 7;
                int red = inside ? (img.getRGB(x - 2, y - 3) >> 16) & 0xFF : 0;
                assertThat(out[y * 8 + x]).as("(%d, %d)", x, y).isEqualTo(TestConfigs.normalised(config, 0, red));
            }
        }
    }

    @Test
    void fixedSizeWithoutCropResizesBothSides() throws Exception {
        PreprocessorConfig config = TestConfigs.json("{'size': {'height': 12, 'width': 20}, 'do_center_crop': false,"
                + " 'resample': 2, 'image_mean': 0.5, 'image_std': 0.5}");
        float[] out = new ClipPreprocessor(config, EXACT).preprocess(TestImages.png(TestImages.pattern(40, 40)));
        assertThat(out).hasSize(3 * 12 * 20);
        for (float v : out) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }

    @Test
    void preprocessIntoFillsOnlyItsSlot() throws Exception {
        ClipPreprocessor p = new ClipPreprocessor(PreprocessorConfig.clipDefaults(32), EXACT);
        byte[] a = TestImages.png(TestImages.pattern(60, 45));
        byte[] b = TestImages.jpeg(TestImages.pattern(45, 60), 0.9f, false);
        int n = p.tensorLength();
        float[] batch = new float[3 * n];
        batch[2 * n] = 42f;
        p.preprocessInto(a, batch, 0);
        p.preprocessInto(b, batch, n);
        assertThat(Arrays.copyOfRange(batch, 0, n)).containsExactly(p.preprocess(a));
        assertThat(Arrays.copyOfRange(batch, n, 2 * n)).containsExactly(p.preprocess(b));
        assertThat(batch[2 * n]).isEqualTo(42f);
        assertThatThrownBy(() -> p.preprocessInto(a, batch, 2 * n + 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void bufferedImageInputMatchesEncodedInput() throws Exception {
        ClipPreprocessor p = new ClipPreprocessor(PreprocessorConfig.clipDefaults(24), EXACT);
        BufferedImage img = TestImages.pattern(41, 29);
        float[] fromImage = new float[p.tensorLength()];
        p.preprocessInto(img, fromImage, 0);
        assertThat(fromImage).containsExactly(p.preprocess(TestImages.png(img)));
    }

    @Test
    void undecodableBytesAreReportedNotThrownAsOtherExceptions() {
        ClipPreprocessor p = new ClipPreprocessor(PreprocessorConfig.clipDefaults(224));
        assertThatThrownBy(() -> p.preprocess("<html>nope</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UndecodableImageException.class, e -> assertThat(e.reason())
                        .isEqualTo(UndecodableImageException.UNSUPPORTED_FORMAT));
    }
}
