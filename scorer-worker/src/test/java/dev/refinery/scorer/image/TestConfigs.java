package dev.refinery.scorer.image;

import java.util.Locale;

/** Preprocessor configs for tests, written as the JSON a model ships (single quotes for readability). */
final class TestConfigs {
    /** A decoder that never subsamples, so output must equal PIL/transformers exactly. */
    static final ImageDecoder EXACT = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, false);

    private TestConfigs() {}

    /** OpenAI CLIP normalisation, shortest-edge resize with PIL filter {@code resample}, centre crop. */
    static PreprocessorConfig clip(int shortest, int cropH, int cropW, int resample) {
        return json(String.format(
                Locale.ROOT,
                "{'size': %d, 'crop_size': {'height': %d, 'width': %d}, 'resample': %d}",
                shortest,
                cropH,
                cropW,
                resample));
    }

    static PreprocessorConfig json(String singleQuoted) {
        return PreprocessorConfig.parse(singleQuoted.replace('\'', '"'));
    }

    /** What transformers computes for 8-bit value {@code v} of channel {@code c}, in float32 as numpy does. */
    static float normalised(PreprocessorConfig config, int c, int v) {
        float x = config.doRescale() ? (float) (v * config.rescaleFactor()) : v;
        if (!config.doNormalize()) {
            return x;
        }
        return (x - (float) (double) config.imageMean().get(c))
                / (float) (double) config.imageStd().get(c);
    }
}
