package dev.refinery.scorer.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refinery.scorer.model.TinyClipModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipTokenizerTest {
    private static final List<String> CAPTIONS = List.of("a red circle", "blue", "");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPadToTheLongestCaptionOfTheBatchLikeClip(@TempDir Path dir) throws Exception {
        TinyClipModel.write(dir);

        try (ClipTokenizer tokenizer = new ClipTokenizer(dir.resolve("tokenizer.json"), TinyClipModel.MAX_LENGTH)) {
            ClipTokenizer.Batch batch = tokenizer.encode(CAPTIONS);

            assertThat(tokenizer.padding()).isEqualTo(TokenPadding.LONGEST);
            assertThat(batch.length()).isEqualTo(5); // <bos> a red circle <eos>
            assertThat(row(batch.ids(), 1, 5)).containsExactly(2, 34, 3, 0, 0);
            assertThat(row(batch.mask(), 1, 5)).containsExactly(1, 1, 1, 0, 0);
        }
    }

    @Test
    void shouldPadEveryRowToTheFixedLengthOfTheTokenizerJsonWithThePadId(@TempDir Path dir) throws Exception {
        TinyClipModel.write(dir);
        ObjectNode tokenizer =
                (ObjectNode) JSON.readTree(dir.resolve("tokenizer.json").toFile());
        ObjectNode padding = tokenizer.putObject("padding"); // as SigLIP's tokenizer.json has it
        padding.putObject("strategy").put("Fixed", 64);
        padding.put("direction", "Right").putNull("pad_to_multiple_of");
        padding.put("pad_id", 1).put("pad_type_id", 0).put("pad_token", "[UNK]");
        JSON.writeValue(dir.resolve("tokenizer.json").toFile(), tokenizer);

        try (ClipTokenizer fixed = new ClipTokenizer(dir.resolve("tokenizer.json"), 64)) {
            ClipTokenizer.Batch batch = fixed.encode(CAPTIONS);

            assertThat(batch.length()).isEqualTo(64);
            assertThat(batch.ids()).hasSize(3 * 64);
            assertThat(row(batch.ids(), 0, 64)).startsWith(2, 115, 4, 68, 3);
            for (int r = 0; r < CAPTIONS.size(); r++) {
                int tokens = (int) Arrays.stream(row(batch.mask(), r, 64)).sum();
                assertThat(Arrays.copyOfRange(row(batch.ids(), r, 64), tokens, 64))
                        .containsOnly(1L);
            }
            assertThat(row(batch.mask(), 1, 64)).startsWith(1, 1, 1, 0).containsOnly(0L, 1L);
        }
    }

    @Test
    void shouldPadToTheModelMaxLengthWhenTheModelTakesNoAttentionMask(@TempDir Path dir) throws Exception {
        TinyClipModel.write(dir);
        ObjectNode config =
                (ObjectNode) JSON.readTree(dir.resolve("tokenizer_config.json").toFile());
        JSON.writeValue(
                dir.resolve("tokenizer_config.json").toFile(),
                config.put("model_max_length", 16).put("pad_token", "<eos>"));

        try (ClipTokenizer tokenizer =
                new ClipTokenizer(dir.resolve("tokenizer.json"), TinyClipModel.MAX_LENGTH, false)) {
            ClipTokenizer.Batch batch = tokenizer.encode(List.of("a red circle on a white background", "blue"));

            assertThat(tokenizer.padding()).isEqualTo(new TokenPadding(16, 3));
            assertThat(batch.length()).isEqualTo(16);
            assertThat(row(batch.ids(), 1, 16)).startsWith(2, 34, 3, 3, 3).endsWith(3, 3);
        }
    }

    private static long[] row(long[] values, int row, int length) {
        return Arrays.copyOfRange(values, row * length, (row + 1) * length);
    }
}
