package dev.refinery.rewriter.vlm;

/**
 * What the model said, before any policy is applied.
 *
 * @param overallScore the model's score of the original caption, 0 to 10, or null when it gave none
 * @param recaption the proposed caption, trimmed with whitespace runs collapsed; empty when it gave none
 */
public record VlmAnswer(Double overallScore, String recaption) {
    public VlmAnswer {
        recaption = recaption == null ? "" : recaption;
    }
}
