package dev.refinery.scorer.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.refinery.scorer.model.TinyCausalLmModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxCausalLmTest {

    @Test
    void shouldScoreABatchOfDifferentLengthsAsOneCaptionAtATime(@TempDir Path dir) throws Exception {
        TinyCausalLmModel.write(dir);
        List<String> captions = List.of(
                "red",
                "a bright green triangle in the middle of the picture",
                "the star is yellow",
                "xqzt blorf",
                "photo of a blue square on a light background",
                "");

        try (OnnxCausalLm lm = OnnxCausalLm.load(dir, GpuMode.OFF, 0, 1)) {
            List<Double> batched = lm.perplexities(captions);
            List<Double> alone = new ArrayList<>();
            for (String caption : captions) {
                alone.add(lm.perplexities(List.of(caption)).get(0));
            }

            assertThat(batched).hasSize(captions.size()).doesNotContainNull();
            for (int i = 0; i < captions.size(); i++) {
                assertThat(batched.get(i)).as(captions.get(i)).isCloseTo(alone.get(i), within(alone.get(i) * 1e-6));
            }
            assertThat(lm.id()).matches("refinery-tiny-lm@[0-9a-f]{12}");
            assertThat(lm.onGpu()).isFalse();
        }
    }

    @Test
    void shouldRefuseAFolderWithoutModelWithTheExportCommand(@TempDir Path dir) {
        assertThatThrownBy(() -> OnnxCausalLm.load(dir, GpuMode.OFF, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("optimum-cli export onnx")
                .hasMessageContaining("--task text-generation");
    }
}
