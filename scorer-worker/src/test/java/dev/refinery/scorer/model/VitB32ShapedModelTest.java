package dev.refinery.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VitB32ShapedModelTest {

    @Test
    void shouldDeclareExactlyTheParametersOfClipVitB32() {
        RandomWeights weights = new RandomWeights();
        VitB32Graph.build(weights);

        // openai/clip-vit-base-patch32 has 151,277,313 parameters: these plus logit_scale, a constant here
        assertThat(weights.parameters() + 1).isEqualTo(151_277_313L);
    }

    @Test
    void shouldDrawTheSameWeightsForTheSameSeedAndOthersForAnother() {
        RandomWeights weights = new RandomWeights();
        weights.random("w", 4, 8);
        weights.ones("scale", 8);

        assertThat(weights.tensor(0, 1).getRawData())
                .isEqualTo(weights.tensor(0, 1).getRawData());
        assertThat(weights.tensor(0, 2).getRawData())
                .isNotEqualTo(weights.tensor(0, 1).getRawData());
        assertThat(weights.tensor(1, 1)
                        .getRawData()
                        .asReadOnlyByteBuffer()
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .getFloat(28))
                .isEqualTo(1f);
    }

    @Test
    @Tag("slow")
    void shouldWriteALoadableOptimumExportAndRunAForwardPass(@TempDir Path dir) throws Exception {
        VitB32ShapedModel.write(dir, 7);

        assertThat(Files.size(dir.resolve("model.onnx"))).isBetween(600_000_000L, 610_000_000L);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session =
                        env.createSession(dir.resolve("model.onnx").toString(), new OrtSession.SessionOptions());
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                        dir.resolve("tokenizer.json"),
                        Map.of("padding", "true", "truncation", "true", "maxLength", "77"))) {
            assertThat(session.getInputNames())
                    .containsExactlyInAnyOrder("input_ids", "attention_mask", "pixel_values");
            assertThat(session.getOutputNames())
                    .containsExactlyInAnyOrder("logits_per_image", "logits_per_text", "text_embeds", "image_embeds");
            float[] pixels = new float[2 * 3 * 224 * 224];
            Random random = new Random(3);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextGaussian();
            }

            Map<String, float[][]> padded = run(
                    env, session, tokenizer, pixels, List.of("a red circle", "a blue square on a white background"));
            Map<String, float[][]> alone = run(env, session, tokenizer, pixels, List.of("a red circle"));

            assertThat(tokenizer.encode("a red circle").getIds()).containsExactly(49406, 113, 2, 66, 49407);
            assertThat(padded.get("logits_per_image")).hasDimensions(2, 2);
            assertThat(padded.get("image_embeds")).hasDimensions(2, 512);
            assertThat(TinyClipSession.dot(padded.get("text_embeds")[1], padded.get("text_embeds")[1]))
                    .isCloseTo(1, within(1e-4));
            for (int k = 0; k < 512; k++) {
                assertThat(padded.get("text_embeds")[0][k])
                        .as("padding and the causal mask leave the end token's embedding unchanged")
                        .isCloseTo(alone.get("text_embeds")[0][k], within(1e-4f));
            }
        }
    }

    private static Map<String, float[][]> run(
            OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, float[] pixels, List<String> texts)
            throws Exception {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int length = encodings[0].getIds().length;
        long[] ids = new long[texts.size() * length];
        long[] mask = new long[texts.size() * length];
        for (int i = 0; i < texts.size(); i++) {
            System.arraycopy(encodings[i].getIds(), 0, ids, i * length, length);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, length);
        }
        long[] shape = {texts.size(), length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor pixelTensor =
                        OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), new long[] {2, 3, 224, 224});
                OrtSession.Result r = session.run(
                        Map.of("input_ids", idTensor, "attention_mask", maskTensor, "pixel_values", pixelTensor))) {
            return Map.of(
                    "logits_per_image",
                            (float[][]) r.get("logits_per_image").orElseThrow().getValue(),
                    "text_embeds",
                            (float[][]) r.get("text_embeds").orElseThrow().getValue(),
                    "image_embeds",
                            (float[][]) r.get("image_embeds").orElseThrow().getValue());
        }
    }
}
