package dev.refinery.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.scorer.demo.DemoImage;
import dev.refinery.scorer.demo.ShapeImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinyClipModelTest {
    private static final List<String> FILES = List.of(
            "model.onnx",
            "tokenizer.json",
            "preprocessor_config.json",
            "config.json",
            "special_tokens_map.json",
            "tokenizer_config.json");

    @Test
    void shouldWriteAnOptimumClipExportWithConfigAndPreprocessorSettings(@TempDir Path dir) throws Exception {
        TinyClipModel.write(dir);

        assertThat(FILES).allSatisfy(f -> assertThat(dir.resolve(f)).isRegularFile());
        assertThat(Files.size(dir.resolve("model.onnx"))).isLessThan(1 << 20);
        ObjectMapper json = new ObjectMapper();
        JsonNode config = json.readTree(dir.resolve("config.json").toFile());
        assertThat(config.path("model_type").asText()).isEqualTo("clip");
        assertThat(config.path("name").asText()).isEqualTo("refinery-tiny-clip");
        assertThat(config.path("projection_dim").asInt()).isEqualTo(TinyClipModel.DIMENSION);
        assertThat(config.path("text_config").path("max_position_embeddings").asInt())
                .isEqualTo(32);
        JsonNode pre = json.readTree(dir.resolve("preprocessor_config.json").toFile());
        assertThat(pre.path("size").path("shortest_edge").asInt()).isEqualTo(64);
        assertThat(pre.path("crop_size").path("height").asInt()).isEqualTo(64);
        assertThat(pre.path("resample").asInt()).isEqualTo(3);
        assertThat(pre.path("image_mean").get(0).asDouble()).isEqualTo(0.48145466);
        assertThat(pre.path("image_std").get(2).asDouble()).isEqualTo(0.27577711);
        assertThat(pre.path("image_processor_type").asText()).isEqualTo("CLIPImageProcessor");
    }

    @Test
    void shouldWriteTheSameBytesEveryTime(@TempDir Path first, @TempDir Path second) throws Exception {
        TinyClipModel.write(first);
        TinyClipModel.write(second);

        assertThat(FILES).allSatisfy(f -> assertThat(Files.readAllBytes(second.resolve(f)))
                .as(f)
                .isEqualTo(Files.readAllBytes(first.resolve(f))));
    }

    @Test
    void shouldDeclareTheInputsAndOutputsOfAnOptimumClipExport(@TempDir Path dir) throws Exception {
        TinyClipModel.write(dir);
        try (TinyClipSession clip = new TinyClipSession(dir)) {
            Map<String, NodeInfo> inputs = clip.session().getInputInfo();
            Map<String, NodeInfo> outputs = clip.session().getOutputInfo();

            assertThat(inputs).containsOnlyKeys("input_ids", "attention_mask", "pixel_values");
            assertTensor(inputs.get("input_ids"), OnnxJavaType.INT64, -1, -1);
            assertTensor(inputs.get("attention_mask"), OnnxJavaType.INT64, -1, -1);
            assertTensor(inputs.get("pixel_values"), OnnxJavaType.FLOAT, -1, 3, 64, 64);
            assertThat(outputs).containsOnlyKeys("text_embeds", "image_embeds", "logits_per_image", "logits_per_text");
            assertTensor(outputs.get("text_embeds"), OnnxJavaType.FLOAT, -1, TinyClipModel.DIMENSION);
            assertTensor(outputs.get("image_embeds"), OnnxJavaType.FLOAT, -1, TinyClipModel.DIMENSION);
            assertTensor(outputs.get("logits_per_image"), OnnxJavaType.FLOAT, -1, -1);
            assertThat(((TensorInfo) inputs.get("input_ids").getInfo()).getDimensionNames())
                    .containsExactly("text_batch_size", "sequence_length");
            assertThat(((TensorInfo) outputs.get("logits_per_image").getInfo()).getDimensionNames())
                    .containsExactly("image_batch_size", "text_batch_size");
        }
    }

    @Test
    void shouldReturnUnitEmbeddingsAndScaledLogitsForThreeImagesAndFourTexts(@TempDir Path dir) throws Exception {
        TinyClipModel.write(dir);
        List<DemoImage> images = ShapeImages.generate(3, 5);
        float[] pixels = ClipPixels.batch(images.stream().map(DemoImage::bytes).toList(), 64);
        List<String> texts = List.of("a red circle", "Blue squares!", "photo of a crimson star on white", "nothing");

        try (TinyClipSession clip = new TinyClipSession(dir)) {
            TinyClipSession.Outputs out = clip.run(pixels, 3, texts);

            assertThat(out.logitsPerImage()).hasDimensions(3, 4);
            assertThat(out.logitsPerText()).hasDimensions(4, 3);
            assertThat(out.imageEmbeds()).hasDimensions(3, TinyClipModel.DIMENSION);
            assertThat(out.textEmbeds()).hasDimensions(4, TinyClipModel.DIMENSION);
            for (float[] e : out.imageEmbeds()) {
                assertThat(TinyClipSession.dot(e, e)).isCloseTo(1, within(1e-5));
            }
            for (float[] e : out.textEmbeds()) {
                assertThat(TinyClipSession.dot(e, e)).isCloseTo(1, within(1e-5));
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    double cosine = TinyClipSession.dot(out.imageEmbeds()[i], out.textEmbeds()[j]);
                    assertThat(out.logitsPerImage()[i][j]).isCloseTo((float) (100 * cosine), within(1e-3f));
                    assertThat(out.logitsPerText()[j][i]).isEqualTo(out.logitsPerImage()[i][j]);
                }
            }
        }
    }

    @Test
    void shouldGiveFiniteUnitEmbeddingsForBlankAndNoiseImagesAndEmptyCaptions(@TempDir Path dir) throws Exception {
        TinyClipModel.write(dir);
        int size = 3 * 64 * 64;
        float[] pixels = new float[2 * size];
        java.util.Random random = new java.util.Random(1);
        for (int i = size; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }

        try (TinyClipSession clip = new TinyClipSession(dir)) {
            TinyClipSession.Outputs out = clip.run(pixels, 2, List.of("", "??? 123"));

            for (float[][] embeds : List.of(out.imageEmbeds(), out.textEmbeds())) {
                for (float[] e : embeds) {
                    assertThat(TinyClipSession.dot(e, e)).isCloseTo(1, within(1e-5));
                }
            }
        }
    }

    @Test
    void shouldTokenizeWithDjlIntoKnownWordsAndUnknownsWithinTheTokenLimit(@TempDir Path dir) throws Exception {
        TinyClipModel.write(dir);
        try (TinyClipSession clip = new TinyClipSession(dir)) {
            Encoding known = clip.tokenizer().encode("A Crimson, ROUND shape!");
            Encoding foreign = clip.tokenizer().encode("un cercle rouge");
            Encoding tooLong = clip.tokenizer().encode(String.join(" ", Collections.nCopies(100, "red")));

            assertThat(known.getTokens()).containsExactly("<bos>", "a", "crimson", "round", "shape", "<eos>");
            assertThat(foreign.getTokens()).containsExactly("<bos>", "[UNK]", "[UNK]", "[UNK]", "<eos>");
            assertThat(tooLong.getIds()).hasSize(TinyClipModel.MAX_LENGTH);
        }
    }

    private static void assertTensor(NodeInfo node, OnnxJavaType type, long... shape) {
        TensorInfo info = (TensorInfo) node.getInfo();
        assertThat(info.type).as(node.getName()).isEqualTo(type);
        assertThat(info.getShape()).as(node.getName()).containsExactly(shape);
    }
}
