package dev.refinery.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.scorer.image.ClipPreprocessor;
import dev.refinery.scorer.image.ImageDecoder;
import dev.refinery.scorer.image.PreprocessorConfig;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our CLIP preprocessing against HuggingFace transformers' CLIPImageProcessor (Pillow bicubic), computed
 * independently on another machine (see src/test/resources/golden/README.md).
 */
class HuggingFaceGoldenTest {
    /** One uint8 level after normalisation (1/255/std, std >= 0.26). */
    private static final double ONE_LEVEL = 1.0 / 255 / 0.26;
    /** Measured on these noisy test images (the worst case for decimation); natural photos differ far less. */
    private static final double SUBSAMPLED_MEAN_BOUND = 0.2;

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "down-640x427, 224", "up-150x97, 224", "tall-211x317, 224",
        "down-640x427, 64", "up-150x97, 64", "tall-211x317, 64"
    })
    void shouldMatchHuggingFaceClipImageProcessorWithoutSubsampling(String image, int size) throws Exception {
        var exact = new ClipPreprocessor(
                PreprocessorConfig.clipDefaults(size), new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, false));
        float[] expected = floats(read("golden/" + image + "." + size + ".f32"));
        float[] actual = exact.preprocess(read("golden/" + image + ".png"));

        assertThat(actual).hasSize(3 * size * size).hasSameSizeAs(expected);
        double maxDiff = 0;
        double sumDiff = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            maxDiff = Math.max(maxDiff, d);
            sumDiff += d;
        }
        double meanDiff = sumDiff / expected.length;
        assertThat(maxDiff).as("largest difference (mean %.6f)", meanDiff).isLessThanOrEqualTo(2 * ONE_LEVEL + 1e-4);
        assertThat(meanDiff).as("mean difference").isLessThan(ONE_LEVEL / 10);
    }

    /**
     * With decoder subsampling (the fast default for sources much larger than the target) the pixels differ from a
     * full-resolution resize; this pins how much, so a change that makes it worse is noticed.
     */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"down-640x427, 64", "tall-211x317, 64"})
    void shouldStayCloseToHuggingFaceWithDecoderSubsampling(String image, int size) throws Exception {
        float[] expected = floats(read("golden/" + image + "." + size + ".f32"));
        float[] actual = new ClipPreprocessor(PreprocessorConfig.clipDefaults(size))
                .preprocess(read("golden/" + image + ".png"));

        double sumDiff = 0;
        for (int i = 0; i < expected.length; i++) {
            sumDiff += Math.abs(expected[i] - actual[i]);
        }
        double meanDiff = sumDiff / expected.length;
        System.getLogger(HuggingFaceGoldenTest.class.getName())
                .log(System.Logger.Level.INFO, "subsampled " + image + "@" + size + ": mean |diff| " + meanDiff);
        assertThat(meanDiff).as("mean difference with subsampling").isLessThan(SUBSAMPLED_MEAN_BOUND);
    }

    private static byte[] read(String resource) throws Exception {
        try (InputStream in = HuggingFaceGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    private static float[] floats(byte[] bytes) {
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
