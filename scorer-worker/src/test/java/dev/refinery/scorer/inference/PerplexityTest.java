package dev.refinery.scorer.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class PerplexityTest {
    private static final int VOCAB = 3;

    @Test
    void shouldMatchAHandComputedPerplexity() {
        // position 0 predicts token 2 with softmax([1, 2, 3])[2] = e^3 / (e + e^2 + e^3) = 0.665241,
        // position 1 predicts token 1 with softmax([0, 0, ln 3])[1] = 1 / 5; the last position predicts nothing
        float[] logits = {1, 2, 3, 0, 0, (float) Math.log(3), 9, 9, 9};
        long[] ids = {0, 2, 1};

        double perplexity = Perplexity.of(FloatBuffer.wrap(logits), 0, VOCAB, ids, 0, 3);

        assertThat(perplexity).isCloseTo(1 / Math.sqrt(0.665241 * 0.2), within(1e-5));
        assertThat(perplexity).isCloseTo(2.74155, within(1e-5));
    }

    @Test
    void shouldComputeTheLogSoftmaxStablyForLargeLogits() {
        float[] small = {0, 1, 2};
        float[] large = {1000, 1001, 1002};

        double expected = Perplexity.logProbability(FloatBuffer.wrap(small), 0, VOCAB, 1);

        assertThat(Perplexity.logProbability(FloatBuffer.wrap(large), 0, VOCAB, 1))
                .isFinite()
                .isCloseTo(expected, within(1e-9));
        assertThat(expected).isCloseTo(1 - Math.log(1 + Math.E + Math.E * Math.E), within(1e-9));
    }

    @Test
    void shouldReadOneRowOfABatchAndIgnoreItsPadding() {
        float[] row = {1, 2, 3, 0, 0, (float) Math.log(3)};
        float[] batch = new float[4 * VOCAB + row.length + VOCAB]; // another row of 4 before, one padded position after
        System.arraycopy(row, 0, batch, 4 * VOCAB, row.length);
        long[] ids = {7, 7, 7, 7, 0, 2, 1, 0};

        double alone = Perplexity.of(FloatBuffer.wrap(row), 0, VOCAB, new long[] {0, 2, 1}, 0, 3);

        assertThat(Perplexity.of(FloatBuffer.wrap(batch), 4 * VOCAB, VOCAB, ids, 4, 3))
                .isEqualTo(alone);
    }

    @Test
    void shouldRefuseSequencesOfFewerThanTwoTokensAndIdsOutsideTheVocabulary() {
        FloatBuffer logits = FloatBuffer.wrap(new float[] {1, 2, 3, 4, 5, 6});

        assertThatThrownBy(() -> Perplexity.of(logits, 0, VOCAB, new long[] {1}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Perplexity.of(logits, 0, VOCAB, new long[] {1, 3}, 0, 2))
                .hasMessageContaining("outside the vocabulary");
    }
}
