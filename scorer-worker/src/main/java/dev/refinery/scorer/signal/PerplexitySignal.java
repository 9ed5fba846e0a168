package dev.refinery.scorer.signal;

import ai.onnxruntime.OrtException;
import dev.refinery.schemas.Signal;
import dev.refinery.scorer.inference.GpuMode;
import dev.refinery.scorer.inference.OnnxCausalLm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code perplexity}: the caption's perplexity under a causal language model ({@link OnnxCausalLm}), the exponent of
 * the mean negative log-likelihood of its tokens 2..n given the tokens before them (truncated to
 * {@value OnnxCausalLm#MAX_TOKENS} tokens). Fluent captions score low, word salad and junk high; the selector's
 * {@code lowest} policy keeps the lowest fraction. A caption of fewer than two tokens has no perplexity: value null,
 * label {@value #TOO_SHORT}. The version is {@code 1/<model id>}, so a new export is a new signal version. The whole
 * batch is scored in one model call ({@link #computeBatch}). Thread-safe.
 */
public final class PerplexitySignal implements QualitySignal, AutoCloseable {
    public static final String NAME = "perplexity";
    public static final String TOO_SHORT = "too_short";

    private final OnnxCausalLm model;
    private final String version;

    public PerplexitySignal(OnnxCausalLm model) {
        this.model = model;
        this.version = "1/" + model.id();
    }

    /** Loads the causal LM in {@code dir} ({@code REFINERY_SCORER_PERPLEXITY_MODEL}). */
    public static PerplexitySignal load(Path dir, GpuMode mode, int gpuDevice, int intraOpThreads)
            throws IOException, OrtException {
        return new PerplexitySignal(OnnxCausalLm.load(dir, mode, gpuDevice, intraOpThreads));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<Signal> compute(SignalInput in) {
        return computeBatch(List.of(in)).get(0);
    }

    @Override
    public List<List<Signal>> computeBatch(List<SignalInput> batch) {
        List<String> captions = batch.stream().map(SignalInput::caption).toList();
        List<Double> perplexities = model.perplexities(captions);
        List<List<Signal>> out = new ArrayList<>(batch.size());
        for (Double perplexity : perplexities) {
            out.add(List.of(new Signal(NAME, version, perplexity, perplexity == null ? TOO_SHORT : null)));
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
