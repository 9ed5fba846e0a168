package dev.refinery.scorer.inference;

import java.nio.FloatBuffer;

/**
 * Perplexity of a token sequence from a causal LM's logits: {@code exp} of the mean negative log-likelihood of tokens
 * 2..n, each given the tokens before it (the logits at position {@code t - 1} predict token {@code t}). The log-softmax
 * subtracts the row's maximum before exponentiating and sums in double, so large logits neither overflow nor lose the
 * small probabilities.
 */
final class Perplexity {
    private Perplexity() {}

    /**
     * The perplexity of one sequence.
     *
     * @param logits row-major [.., seq, vocab] floats
     * @param rowOffset where the sequence's logits start (position 0), in floats
     * @param vocab the vocabulary size (the last dimension)
     * @param ids token ids, the sequence's first at {@code idsOffset}
     * @param length the number of real tokens, at least 2
     */
    static double of(FloatBuffer logits, int rowOffset, int vocab, long[] ids, int idsOffset, int length) {
        if (length < 2) {
            throw new IllegalArgumentException("perplexity needs at least 2 tokens, got " + length);
        }
        double nll = 0;
        for (int t = 1; t < length; t++) {
            long target = ids[idsOffset + t];
            if (target < 0 || target >= vocab) {
                throw new IllegalStateException("token id " + target + " is outside the vocabulary of " + vocab);
            }
            nll -= logProbability(logits, rowOffset + (t - 1) * vocab, vocab, (int) target);
        }
        return Math.exp(nll / (length - 1));
    }

    /** {@code log_softmax(logits[offset, offset + vocab))[target]}, computed stably. */
    static double logProbability(FloatBuffer logits, int offset, int vocab, int target) {
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, logits.get(offset + v));
        }
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
            sum += Math.exp(logits.get(offset + v) - (double) max);
        }
        return logits.get(offset + target) - (double) max - Math.log(sum);
    }
}
