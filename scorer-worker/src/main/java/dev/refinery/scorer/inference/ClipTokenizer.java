package dev.refinery.scorer.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The model's own {@code tokenizer.json} through DJL's HuggingFace tokenizers (offline, native library from the jar):
 * padded to the longest caption of the batch, truncated at the model's maximum length.
 */
final class ClipTokenizer implements AutoCloseable {
    /** Token ids and attention mask, row-major [batch, length]. */
    record Batch(long[] ids, long[] mask, int batch, int length) {}

    private final HuggingFaceTokenizer tokenizer;

    ClipTokenizer(Path tokenizerJson, int maxLength) throws IOException {
        this.tokenizer = HuggingFaceTokenizer.newInstance(
                tokenizerJson,
                Map.of("padding", "true", "truncation", "true", "maxLength", Integer.toString(maxLength)));
    }

    Batch encode(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int length = 1;
        for (Encoding e : encodings) {
            length = Math.max(length, e.getIds().length);
        }
        long[] ids = new long[texts.size() * length];
        long[] mask = new long[texts.size() * length];
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
