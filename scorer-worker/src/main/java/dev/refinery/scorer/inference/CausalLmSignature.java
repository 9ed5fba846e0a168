package dev.refinery.scorer.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Checks that a session is a HuggingFace Optimum text-generation export without cache: inputs {@code input_ids},
 * {@code attention_mask} and optionally {@code position_ids}; output {@code logits} [batch, seq, vocab]. An export
 * with {@code past_key_values} inputs ({@code --task text-generation-with-past}) is refused with the command to use.
 */
final class CausalLmSignature {
    static final String EXPORT_HINT = "export the model without cache: optimum-cli export onnx --model <model>"
            + " --task text-generation <folder> (text-generation-with-past adds past_key_values inputs)";

    private CausalLmSignature() {}

    /** Checks the session of {@code onnx}; returns the vocabulary size, or 0 when the model leaves it symbolic. */
    static int check(Path onnx, OrtSession session) throws OrtException {
        Set<String> inputs = session.getInputNames();
        if (inputs.stream().anyMatch(n -> n.startsWith("past_key_values") || n.equals("use_cache_branch"))) {
            throw new IllegalArgumentException(onnx + " takes past_key_values inputs (an export with cache), but"
                    + " perplexity needs one forward pass without cache; " + EXPORT_HINT);
        }
        if (!inputs.containsAll(List.of("input_ids", "attention_mask"))
                || !Set.of("input_ids", "attention_mask", "position_ids").containsAll(inputs)) {
            throw new IllegalArgumentException(onnx + " must take input_ids, attention_mask and optionally"
                    + " position_ids, but takes " + inputs + "; " + EXPORT_HINT);
        }
        NodeInfo logits = session.getOutputInfo().get("logits");
        if (logits == null || !(logits.getInfo() instanceof TensorInfo info) || info.getShape().length != 3) {
            throw new IllegalArgumentException(onnx + " has no logits output [batch, seq, vocab]; " + EXPORT_HINT);
        }
        return (int) Math.max(0, info.getShape()[2]);
    }
}
