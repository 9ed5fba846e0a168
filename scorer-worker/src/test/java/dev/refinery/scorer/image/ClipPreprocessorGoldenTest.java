package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link ClipPreprocessor} against {@link ReferenceClip}, an independent naive implementation of PIL's resample
 * and transformers' CLIPImageProcessor, on a 37x23 pattern (PNG, so decoding is lossless; subsampling off). The
 * allowed difference is one 8-bit level ({@code 1/255/std}); nearly all samples must agree exactly. Literal values
 * taken once from the reference catch regressions in both.
 */
class ClipPreprocessorGoldenTest {
    private static final double[] MEAN = {0.48145466, 0.4578275, 0.40821073};
    private static final double[] STD = {0.26862954, 0.26130258, 0.27577711};
    private static final ImageDecoder EXACT = TestConfigs.EXACT;
    private static final BufferedImage PATTERN = TestImages.pattern(37, 23);

    @Test
    void bicubicDownscaleMatchesReference() throws Exception {
        float[] got = preprocess(PATTERN, 11, 11, 11, PreprocessorConfig.BICUBIC);
        double[] want = ReferenceClip.expected(PATTERN, 11, 11, 11, ReferenceClip.BICUBIC, 2, MEAN, STD);
        assertMatches(got, want, 11 * 11);
        assertThat(sum(want)).isCloseTo(69.669125, within(1e-5));
        assertThat(want[0]).isCloseTo(-1.062341, within(1e-6));
        assertThat(want[60]).isCloseTo(0.061738, within(1e-6));
        assertThat(want[200]).isCloseTo(0.874262, within(1e-6));
        assertThat(want[362]).isCloseTo(0.382609, within(1e-6));
        assertThat(sum(got)).isCloseTo(69.669125, within(0.05));
    }

    @Test
    void bicubicUpscaleMatchesReference() throws Exception {
        float[] got = preprocess(PATTERN, 40, 32, 32, PreprocessorConfig.BICUBIC);
        double[] want = ReferenceClip.expected(PATTERN, 40, 32, 32, ReferenceClip.BICUBIC, 2, MEAN, STD);
        assertMatches(got, want, 32 * 32);
        assertThat(sum(want)).isCloseTo(567.339034, within(1e-5));
        assertThat(want[0]).isCloseTo(-0.872562, within(1e-6));
        assertThat(want[1000]).isCloseTo(-0.376215, within(1e-6));
        assertThat(want[3071]).isCloseTo(0.012887, within(1e-6));
    }

    @Test
    void portraitBilinearWithPaddingMatchesReference() throws Exception {
        BufferedImage portrait = TestImages.pattern(23, 37);
        float[] got = preprocess(portrait, 8, 14, 10, 2);
        double[] want = ReferenceClip.expected(portrait, 8, 14, 10, ReferenceClip.BILINEAR, 1, MEAN, STD);
        assertMatches(got, want, 14 * 10);
    }

    @Test
    void webSizedImageMatchesReference() throws Exception {
        BufferedImage photo = TestImages.pattern(301, 203);
        float[] got = preprocess(photo, 64, 64, 64, PreprocessorConfig.BICUBIC);
        double[] want = ReferenceClip.expected(photo, 64, 64, 64, ReferenceClip.BICUBIC, 2, MEAN, STD);
        assertMatches(got, want, 64 * 64);
    }

    @Test
    void oneLevelCheckerboardHalvedIsUniformMidGrayInside() throws Exception {
        BufferedImage board = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                board.setRGB(x, y, ((x + y) & 1) == 0 ? 0xFFFFFF : 0);
            }
        }
        PreprocessorConfig raw =
                TestConfigs.json("{'size': 32, 'crop_size': 32, 'do_rescale': false, 'do_normalize': false}");
        float[] got = new float[raw.tensorLength()];
        new ClipPreprocessor(raw, EXACT).preprocessInto(TestImages.png(board), got, 0);
        // Symmetric taps pair every white sample with a black one: 127.5 before rounding, 128 after (PIL and ref).
        for (int c = 0; c < 3; c++) {
            for (int y = 2; y < 30; y++) {
                for (int x = 2; x < 30; x++) {
                    assertThat(got[c * 1024 + y * 32 + x]).isEqualTo(128f);
                }
            }
        }
        double[] want =
                ReferenceClip.expected(board, 32, 32, 32, ReferenceClip.BICUBIC, 2, new double[3], new double[] {
                    1 / 255.0, 1 / 255.0, 1 / 255.0
                });
        for (int i = 0; i < got.length; i++) {
            assertThat((double) got[i]).as("sample %d", i).isCloseTo(want[i], within(1.0));
        }
    }

    private static float[] preprocess(BufferedImage img, int shortest, int cropH, int cropW, int resample)
            throws UndecodableImageException {
        PreprocessorConfig config = TestConfigs.clip(shortest, cropH, cropW, resample);
        return new ClipPreprocessor(config, EXACT).preprocess(TestImages.png(img));
    }

    private static void assertMatches(float[] got, double[] want, int plane) {
        assertThat(got).hasSize(want.length);
        int exact = 0;
        for (int i = 0; i < want.length; i++) {
            double level = 1 / 255.0 / STD[i / plane];
            assertThat((double) got[i]).as("sample %d", i).isCloseTo(want[i], within(level + 1e-5));
            if (Math.abs(got[i] - want[i]) < 1e-5) {
                exact++;
            }
        }
        assertThat(exact).as("samples equal to the reference").isGreaterThanOrEqualTo(want.length * 99 / 100);
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
