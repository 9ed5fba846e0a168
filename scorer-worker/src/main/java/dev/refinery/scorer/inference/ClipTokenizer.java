package dev.refinery.scorer.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The model's own {@code tokenizer.json} through DJL's HuggingFace tokenizers (offline, native library from the jar),
 * truncated at the model's maximum length and padded as {@link TokenPadding#read} says: to the longest caption of the
 * batch (CLIP), or every row to a fixed length with the pad id (SigLIP).
 */
final class ClipTokenizer implements AutoCloseable {
    /** Token ids and attention mask, row-major [batch, length]. */
    record Batch(long[] ids, long[] mask, int batch, int length) {}

    private final HuggingFaceTokenizer tokenizer;
    private final TokenPadding padding;

    /** A tokenizer for a model that takes an attention mask. */
    ClipTokenizer(Path tokenizerJson, int maxLength) throws IOException {
        this(tokenizerJson, maxLength, true);
    }

    /** @param modelTakesMask whether the text model has an {@code attention_mask} input (SigLIP's has none) */
    ClipTokenizer(Path tokenizerJson, int maxLength, boolean modelTakesMask) throws IOException {
        this.padding = TokenPadding.read(tokenizerJson, maxLength, modelTakesMask);
        int truncateAt = padding.fixed() ? padding.fixedLength() : maxLength;
        this.tokenizer = HuggingFaceTokenizer.newInstance(
                tokenizerJson,
                Map.of(
                        "padding",
                        padding.fixed() ? "false" : "true",
                        "truncation",
                        "true",
                        "maxLength",
                        Integer.toString(truncateAt)));
    }

    TokenPadding padding() {
        return padding;
    }

    Batch encode(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int length = padding.fixed() ? padding.fixedLength() : 1;
        for (Encoding e : encodings) {
            length = Math.max(length, e.getIds().length);
        }
        long[] ids = new long[texts.size() * length];
        long[] mask = new long[texts.size() * length];
        if (padding.fixed()) {
            Arrays.fill(ids, padding.padId());
        }
        for (int i = 0; i < encodings.length; i++) {
            long[] id = encodings[i].getIds();
            long[] m = encodings[i].getAttentionMask();
            System.arraycopy(id, 0, ids, i * length, id.length);
            System.arraycopy(m, 0, mask, i * length, m.length);
        }
        return new Batch(ids, mask, texts.size(), length);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
