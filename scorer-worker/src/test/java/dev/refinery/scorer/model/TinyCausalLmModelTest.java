package dev.refinery.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.refinery.scorer.inference.GpuMode;
import dev.refinery.scorer.inference.OnnxCausalLm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinyCausalLmModelTest {
    private static final List<String> FLUENT = List.of(
            "a red circle on a white background",
            "photo of a blue square on a light background",
            "the star is yellow",
            "an image of an orange ring",
            "a bright green triangle in the middle of the picture");
    private static final List<String> SHUFFLED = List.of(
            "background white circle a red on the",
            "light a background of on blue square photo a",
            "yellow is the star",
            "ring orange of image an an",
            "the middle green of triangle picture a bright in the");
    private static final List<String> JUNK =
            List.of("xqzt blorf zzkt", "asdf qwerty zxcv uiop", "buy cheap watches online now");

    @Test
    void shouldWriteAnOptimumTextGenerationExportWithoutCache(@TempDir Path dir) throws Exception {
        TinyCausalLmModel.write(dir);

        assertThat(List.of("model.onnx", "tokenizer.json", "config.json"))
                .allSatisfy(f -> assertThat(dir.resolve(f)).isRegularFile());
        int vocab = TinyClipVocabulary.create().size();
        try (OrtSession session = OrtEnvironment.getEnvironment()
                .createSession(dir.resolve("model.onnx").toString(), new OrtSession.SessionOptions())) {
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            assertThat(session.getInputNames()).containsExactlyInAnyOrder("input_ids", "attention_mask");
            assertThat(outputs).containsOnlyKeys("logits");
            assertThat(((TensorInfo) outputs.get("logits").getInfo()).getShape())
                    .containsExactly(-1, -1, vocab);
        }
    }

    @Test
    void shouldWriteTheSameBytesEveryTime(@TempDir Path first, @TempDir Path second) throws Exception {
        TinyCausalLmModel.write(first);
        TinyCausalLmModel.write(second);

        assertThat(List.of("model.onnx", "tokenizer.json", "config.json"))
                .allSatisfy(f -> assertThat(Files.readAllBytes(second.resolve(f)))
                        .as(f)
                        .isEqualTo(Files.readAllBytes(first.resolve(f))));
    }

    @Test
    void shouldScoreFluentCaptionsBelowShuffledOnesAndJunkHighest(@TempDir Path dir) throws Exception {
        TinyCausalLmModel.write(dir);

        try (OnnxCausalLm lm = OnnxCausalLm.load(dir, GpuMode.OFF, 0, 1)) {
            List<Double> fluent = lm.perplexities(FLUENT);
            List<Double> shuffled = lm.perplexities(SHUFFLED);
            List<Double> junk = lm.perplexities(JUNK);

            for (int i = 0; i < FLUENT.size(); i++) {
                assertThat(shuffled.get(i)).as(SHUFFLED.get(i)).isGreaterThan(2 * fluent.get(i));
            }
            assertThat(fluent).allSatisfy(p -> assertThat(p).isBetween(1.0, 200.0));
            double worstShuffled =
                    shuffled.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertThat(junk).allSatisfy(p -> assertThat(p).isGreaterThan(5 * worstShuffled));
        }
    }
}
