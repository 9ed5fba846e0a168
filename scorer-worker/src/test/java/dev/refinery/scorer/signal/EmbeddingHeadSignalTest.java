package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import dev.refinery.scorer.LinearHeads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingHeadSignalTest {
    private static final float[] WEIGHTS = {0.5f, -1.0f, 2.0f, 0.25f};
    private static final float BIAS = 0.1f;

    @Test
    void shouldScoreTheImageEmbeddingWithAnOnnxHead(@TempDir Path dir) throws Exception {
        Path onnx = dir.resolve("aesthetic.onnx");
        Files.write(onnx, LinearHeads.linearHead(WEIGHTS, BIAS).toByteArray());
        float[] embedding = {0.1f, 0.2f, 0.3f, 0.4f};

        try (EmbeddingHeadSignal head = EmbeddingHeadSignal.load("aesthetic", onnx)) {
            List<Signal> out = head.compute(input(embedding));
            List<Signal> none = head.compute(input(null));

            double expected = 0.5 * 0.1 - 1.0 * 0.2 + 2.0 * 0.3 + 0.25 * 0.4 + BIAS;
            assertThat(out).singleElement().satisfies(s -> {
                assertThat(s.getName()).isEqualTo("aesthetic");
                assertThat(s.getVersion()).startsWith("onnx:").hasSize(17);
                assertThat(s.getValue()).isCloseTo(expected, Offset.offset(1e-5));
            });
            assertThat(none).as("no embedding, no signal").isEmpty();
        }
    }

    @Test
    void shouldParseTheHeadListAndRefuseMalformedEntries(@TempDir Path dir) throws Exception {
        Path onnx = dir.resolve("nsfw.onnx");
        Files.write(onnx, LinearHeads.linearHead(WEIGHTS, 0).toByteArray());

        List<EmbeddingHeadSignal> heads = EmbeddingHeadSignal.loadAll("nsfw=" + onnx + ", ");
        try {
            assertThat(heads).extracting(EmbeddingHeadSignal::name).containsExactly("nsfw");
            assertThat(EmbeddingHeadSignal.loadAll("")).isEmpty();
        } finally {
            heads.forEach(EmbeddingHeadSignal::close);
        }
        assertThatThrownBy(() -> EmbeddingHeadSignal.loadAll("just-a-path.onnx"))
                .hasMessageContaining("name=path");
    }

    private static SignalInput input(float[] embedding) {
        return new SignalInput("a red circle", 320, 240, 40_000, ImageFormat.JPEG, 0.8, embedding);
    }
}
