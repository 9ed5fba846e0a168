package dev.refinery.scorer.inference;

import dev.refinery.scorer.image.PreprocessorConfig;
import java.util.List;

/**
 * A CLIP-style dual encoder behind the narrowest interface the scorer needs. Implementations are thread-safe for
 * {@link #embed} calls from one worker thread; native resources are released by {@link #close}.
 */
public interface ClipModel extends AutoCloseable {
    /** Name and version recorded in every ScoredPair ({@code model_id}). */
    String id();

    int dimension();

    /** How images must be preprocessed for this model ({@code preprocessor_config.json}). */
    PreprocessorConfig preprocessor();

    /** Whether inference runs on the CUDA execution provider. */
    boolean onGpu();

    /**
     * Embeds a batch: {@code count} images packed channels-first in {@code pixels} (each 3 x H x W as the
     * preprocessor makes them) and the captions, which may be a different number.
     */
    Embeddings embed(float[] pixels, int count, List<String> captions);

    @Override
    void close();
}
