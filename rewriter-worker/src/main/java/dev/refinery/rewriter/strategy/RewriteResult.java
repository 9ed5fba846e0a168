package dev.refinery.rewriter.strategy;

/** Outcome of one rewrite attempt. */
public sealed interface RewriteResult {
    /**
     * A new caption.
     *
     * @param caption the rewritten caption
     * @param model model name and version, or null for strategies without a model
     * @param promptVersion prompt template version, or null
     * @param modelScore the model's own score of the original caption, when it gives one (AITQE's overall score)
     */
    record Rewritten(String caption, String model, String promptVersion, Double modelScore) implements RewriteResult {}

    /**
     * No rewrite. The selector then falls back to the original revision.
     *
     * @param reason machine-readable reason, e.g. {@code rewrite.unchanged}, {@code rewrite.backend_timeout},
     *     {@code rewrite.malformed_answer}, {@code rewrite.circuit_open}, {@code rewrite.empty}
     * @param message human-readable detail
     */
    record Failed(String reason, String message) implements RewriteResult {}
}
