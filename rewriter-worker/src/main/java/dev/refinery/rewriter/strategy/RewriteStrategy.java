package dev.refinery.rewriter.strategy;

/**
 * One way of rewriting a caption. Implementations are thread-safe: the worker calls {@link #rewrite} from several
 * threads at once, up to its configured concurrency. A per-pair failure is returned as {@link RewriteResult.Failed},
 * never thrown, so one bad pair cannot stop a batch.
 */
public interface RewriteStrategy extends AutoCloseable {
    /** Strategy name recorded in the provenance: {@code vlm}, {@code rules} or {@code onnx-captioner}. */
    String name();

    RewriteResult rewrite(RewriteRequest request);

    @Override
    default void close() {}
}
