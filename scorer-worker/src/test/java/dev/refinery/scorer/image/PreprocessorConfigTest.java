package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorConfigTest {
    /** openai/clip-vit-base-patch32's preprocessor_config.json. */
    private static final String OPENAI_B32 = """
        {
          "crop_size": {"height": 224, "width": 224},
          "do_center_crop": true,
          "do_convert_rgb": true,
          "do_normalize": true,
          "do_rescale": true,
          "do_resize": true,
          "image_mean": [0.48145466, 0.4578275, 0.40821073],
          "image_processor_type": "CLIPImageProcessor",
          "image_std": [0.26862954, 0.26130258, 0.27577711],
          "resample": 3,
          "rescale_factor": 0.00392156862745098,
          "size": {"shortest_edge": 224}
        }
        """;

    @Test
    void readsTheOpenAiConfigAsTheDefaults() {
        PreprocessorConfig c = PreprocessorConfig.parse(OPENAI_B32);
        assertThat(c).isEqualTo(PreprocessorConfig.clipDefaults(224));
        assertThat(c.cropHeight()).isEqualTo(224);
        assertThat(c.tensorLength()).isEqualTo(3 * 224 * 224);
        assertThat(PreprocessorConfig.parse("{}")).isEqualTo(PreprocessorConfig.clipDefaults(224));
    }

    @Test
    void acceptsLegacyIntSizesAndScalarMeans() {
        PreprocessorConfig c = PreprocessorConfig.parse(
                "{\"size\": 336, \"crop_size\": 336, \"image_mean\": 0.5, \"image_std\": [0.5, 0.5, 0.5]}");
        assertThat(c.shortestEdge()).isEqualTo(336);
        assertThat(c.cropWidth()).isEqualTo(336);
        assertThat(c.imageMean()).containsExactly(0.5, 0.5, 0.5);
    }

    @Test
    void fixedSizeWithoutCropIsTheOutputSize() {
        PreprocessorConfig c = PreprocessorConfig.parse("""
            {"size": {"height": 384, "width": 256}, "do_center_crop": false, "resample": 2,
             "image_mean": [0.5, 0.5, 0.5], "image_std": [0.5, 0.5, 0.5]}
            """);
        assertThat(c.shortestEdge()).isZero();
        assertThat(c.resizeHeight()).isEqualTo(384);
        assertThat(c.cropHeight()).isEqualTo(384);
        assertThat(c.cropWidth()).isEqualTo(256);
        assertThat(c.resample()).isEqualTo(2);
    }

    @Test
    void refusesBadConfigsWithClearMessages() {
        assertBad("not json", "not valid JSON");
        assertBad("[1, 2]", "JSON object");
        assertBad("{\"size\": {\"longest_edge\": 3}}", "size must be");
        assertBad("{\"size\": 0}", "size:");
        assertBad("{\"size\": 224.5}", "size must be an integer");
        assertBad("{\"crop_size\": \"224\"}", "crop_size must be");
        assertBad("{\"resample\": 0}", "resample must be");
        assertBad("{\"image_std\": [0.5, 0, 0.5]}", "image_std");
        assertBad("{\"image_mean\": [0.5, 0.5]}", "image_mean must have 3 values");
        assertBad("{\"do_resize\": \"yes\"}", "do_resize must be true or false");
        assertBad("{\"rescale_factor\": -1}", "rescale_factor");
        assertBad("{\"do_center_crop\": false}", "without do_center_crop");
    }

    @Test
    void readNamesTheFile(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("preprocessor_config.json"), OPENAI_B32);
        assertThat(PreprocessorConfig.read(good).shortestEdge()).isEqualTo(224);
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"resample\": 9}");
        assertThatThrownBy(() -> PreprocessorConfig.read(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("resample");
    }

    @Test
    void listsAreCopied() {
        List<Double> mean = new java.util.ArrayList<>(List.of(0.1, 0.2, 0.3));
        PreprocessorConfig c = new PreprocessorConfig(
                true, 10, 0, 0, 3, true, 10, 10, true, 0.5, true, mean, List.of(1.0, 1.0, 1.0), true);
        mean.set(0, 9.0);
        assertThat(c.imageMean()).containsExactly(0.1, 0.2, 0.3);
    }

    private static void assertBad(String json, String message) {
        assertThatThrownBy(() -> PreprocessorConfig.parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
