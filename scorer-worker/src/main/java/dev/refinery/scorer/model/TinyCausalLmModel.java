package dev.refinery.scorer.model;

import static dev.refinery.scorer.model.OnnxGraph.attr;
import static dev.refinery.scorer.model.OnnxGraph.in;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refinery's embedded "tiny causal LM": a bigram language model over the tiny CLIP's vocabulary that the project builds
 * itself (no weights are downloaded), written as a HuggingFace Optimum text-generation export without cache, so the
 * perplexity signal loads it like GPT-2. Fluent demo captions ("a red circle on a white background") get a far lower
 * perplexity than the same words shuffled, and those a lower one than off-vocabulary junk; on real text it means
 * little. It exists for tests and the demo.
 *
 * <p>Files: {@code model.onnx} (opset 17; inputs {@code input_ids}, {@code attention_mask} int64 [batch, seq]; output
 * {@code logits} float32 [batch, seq, vocab]), {@code tokenizer.json} (word-level, {@code <bos>}/{@code <eos>} around
 * every text, at most {@value #MAX_LENGTH} tokens) and {@code config.json}. The graph looks each token's word class up
 * as a one-hot embedding [vocab, classes] and multiplies it with the hand-set transition weights [classes, vocab]
 * ({@link TinyLmGrammar}); padded positions (attention mask 0) get all-zero logits.
 */
public final class TinyCausalLmModel {
    /** Recorded as {@code name} in {@code config.json}; model ids start with it. */
    public static final String NAME = "refinery-tiny-lm";

    /** Token limit including {@code <bos>} and {@code <eos>}. */
    public static final int MAX_LENGTH = 128;

    private TinyCausalLmModel() {}

    /** Writes the model's files into {@code dir} (created if missing), replacing any that are there. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        TinyClipVocabulary vocabulary = TinyClipVocabulary.create();
        Files.write(dir.resolve("model.onnx"), model(vocabulary).toByteArray());
        WordLevelTokenizerJson.Specials specials = new WordLevelTokenizerJson.Specials(
                TinyClipVocabulary.UNK, TinyClipVocabulary.BOS, TinyClipVocabulary.EOS, TinyClipVocabulary.SPECIALS);
        HfExport.writeJson(
                dir.resolve("tokenizer.json"), WordLevelTokenizerJson.build(vocabulary.tokens(), specials, MAX_LENGTH));
        HfExport.writeJson(
                dir.resolve("config.json"),
                HfExport.object()
                        .put("model_type", "bigram")
                        .put("name", NAME)
                        .put("vocab_size", vocabulary.size())
                        .put("max_position_embeddings", MAX_LENGTH));
    }

    static ModelProto model(TinyClipVocabulary vocabulary) {
        TinyLmGrammar.WordClass[] classes = TinyLmGrammar.classes(vocabulary);
        float[][] transitions = TinyLmGrammar.transitions();
        int vocab = classes.length;
        int n = transitions.length;
        float[] embedding = new float[vocab * n]; // one-hot word class of each token
        float[] weights = new float[n * vocab]; // logit of each next token after each class
        for (int id = 0; id < vocab; id++) {
            embedding[id * n + classes[id].ordinal()] = 1;
            for (int c = 0; c < n; c++) {
                weights[c * vocab + id] = transitions[c][classes[id].ordinal()];
            }
        }
        OnnxGraph g = new OnnxGraph(NAME);
        g.input("input_ids", OnnxGraph.INT64, "batch_size", "sequence_length");
        g.input("attention_mask", OnnxGraph.INT64, "batch_size", "sequence_length");
        String table = g.floats("class_embedding", embedding, vocab, n);
        String current = g.op("Gather", in(table, "input_ids"), attr("axis", 0)); // [batch, seq, classes]
        String next = g.op("MatMul", in(current, g.floats("transitions", weights, n, vocab)));
        String mask = g.op(
                "Unsqueeze", in(g.op("Cast", in("attention_mask"), attr("to", OnnxGraph.FLOAT)), g.longs("axes", 2)));
        g.named("logits", "Mul", in(next, mask));
        g.output("logits", OnnxGraph.FLOAT, "batch_size", "sequence_length", (long) vocab);
        return HfExport.model(
                g.build(),
                "Refinery's tiny causal LM: hand-set word-class bigrams, built locally, no weights downloaded."
                        + " See dev.refinery.scorer.model.TinyCausalLmModel.");
    }
}
