package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import dev.refinery.scorer.inference.GpuMode;
import dev.refinery.scorer.model.TinyCausalLmModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerplexitySignalTest {

    @Test
    void shouldEmitEachCaptionsPerplexityWithTheModelInTheVersion(@TempDir Path dir) throws Exception {
        TinyCausalLmModel.write(dir);
        List<SignalInput> batch = inputs("a red circle on a white background", "background white circle a red on the");

        try (PerplexitySignal signal = PerplexitySignal.load(dir, GpuMode.OFF, 0, 1)) {
            List<List<Signal>> out = signal.computeBatch(batch);

            assertThat(signal.name()).isEqualTo("perplexity");
            assertThat(signal.version()).matches("1/refinery-tiny-lm@[0-9a-f]{12}");
            assertThat(out)
                    .hasSize(2)
                    .allSatisfy(signals -> assertThat(signals).singleElement().satisfies(s -> {
                        assertThat(s.getName()).isEqualTo("perplexity");
                        assertThat(s.getVersion()).isEqualTo(signal.version());
                        assertThat(s.getLabel()).isNull();
                    }));
            assertThat(out.get(0).get(0).getValue())
                    .isLessThan(out.get(1).get(0).getValue());
            assertThat(signal.compute(batch.get(1))).isEqualTo(out.get(1));
        }
    }

    @Test
    void shouldLeaveCaptionsOfFewerThanTwoTokensWithoutAValue(@TempDir Path dir) throws Exception {
        TinyCausalLmModel.write(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tokenizer =
                (ObjectNode) json.readTree(dir.resolve("tokenizer.json").toFile());
        tokenizer.putNull("post_processor"); // no <bos>/<eos>, as GPT-2: one word is one token
        json.writeValue(dir.resolve("tokenizer.json").toFile(), tokenizer);

        try (PerplexitySignal signal = PerplexitySignal.load(dir, GpuMode.OFF, 0, 1)) {
            List<List<Signal>> out = signal.computeBatch(inputs("red", "", "a red circle"));

            String version = signal.version();
            assertThat(out.get(0)).containsExactly(new Signal("perplexity", version, null, "too_short"));
            assertThat(out.get(1)).containsExactly(new Signal("perplexity", version, null, "too_short"));
            assertThat(out.get(2).get(0).getValue()).isPositive();
        }
    }

    @Test
    void shouldScoreABatchThroughTheSignalSetAsPairByPair(@TempDir Path dir) throws Exception {
        TinyCausalLmModel.write(dir);
        List<SignalInput> batch = inputs("the star is yellow", "xqzt blorf", "an image of an orange ring");

        try (PerplexitySignal signal = PerplexitySignal.load(dir, GpuMode.OFF, 0, 1)) {
            SignalSet set = new SignalSet(List.of(new CaptionStatsSignal(), signal));
            List<List<Signal>> batched = set.compute(batch);

            assertThat(batched).hasSize(3);
            for (int i = 0; i < batch.size(); i++) {
                assertThat(batched.get(i))
                        .extracting(Signal::getName)
                        .containsExactly("caption_words", "caption_chars", "perplexity");
                assertThat(batched.get(i)).isEqualTo(set.compute(batch.get(i)));
            }
        }
    }

    private static List<SignalInput> inputs(String... captions) {
        return java.util.Arrays.stream(captions)
                .map(c -> new SignalInput(c, 320, 240, 40_000, ImageFormat.PNG, 0.3))
                .toList();
    }
}
