package dev.refinery.scorer.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CLIP ViT-B/32-SHAPED model with RANDOM weights, for benchmarks only (its scores mean nothing): the real layer
 * shapes and operator mix of {@code openai/clip-vit-base-patch32} ({@link VitB32Graph}; about 151 M parameters, a
 * {@code model.onnx} of about 605 MB) in the same Optimum export layout as a real one, so inference cost can be
 * measured without downloading weights. The weights are generated from the seed while the file is streamed out, one
 * tensor at a time; the same seed gives the same bytes. Its {@code tokenizer.json} is word-level over 49408 entries:
 * the tiny CLIP's words, synthetic fillers {@code <w123>}, and CLIP's {@code <|startoftext|>} (49406) and
 * {@code <|endoftext|>} (49407), the highest id as in CLIP, so the end token is the argmax of {@code input_ids}.
 * Do not keep the written files in the repository.
 */
public final class VitB32ShapedModel {
    /** Recorded as {@code name} in {@code config.json}. */
    public static final String NAME = "refinery-vit-b32-shaped-random";

    private static final Logger log = LoggerFactory.getLogger(VitB32ShapedModel.class);
    private static final String UNK = "[UNK]";
    private static final String PAD = "[PAD]";
    private static final String BOS = "<|startoftext|>";
    private static final String EOS = "<|endoftext|>";

    private VitB32ShapedModel() {}

    /** Writes the model's files into {@code dir} (created if missing), replacing any that are there. */
    public static void write(Path dir, long seed) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(dir);
        RandomWeights weights = new RandomWeights();
        var graph = VitB32Graph.build(weights);
        var model = HfExport.model(graph, "CLIP ViT-B/32-shaped, random weights (seed " + seed + "): benchmarks only.");
        HfExport.writeStreamed(dir.resolve("model.onnx"), model, weights, seed);

        List<String> tokens = vocabulary();
        var specials = new WordLevelTokenizerJson.Specials(UNK, BOS, EOS, List.of(PAD, UNK, BOS, EOS));
        HfExport.writeJson(
                dir.resolve("tokenizer.json"), WordLevelTokenizerJson.build(tokens, specials, VitB32Graph.MAX_LENGTH));
        HfExport.writeJson(
                dir.resolve("preprocessor_config.json"), HfExport.preprocessorConfig(VitB32Graph.IMAGE_SIZE));
        HfExport.writeJson(dir.resolve("config.json"), config(seed));
        HfExport.writeJson(
                dir.resolve("special_tokens_map.json"), HfExport.specialTokens(HfExport.object(), BOS, EOS, UNK, PAD));
        log.info(
                "Wrote {} ({} parameters, seed {}) into {} in {} ms",
                NAME,
                weights.parameters(),
                seed,
                dir,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** [PAD], [UNK], the tiny CLIP's words, fillers up to id 49405, then the start and end tokens. */
    static List<String> vocabulary() {
        List<String> tokens = new ArrayList<>(List.of(PAD, UNK));
        for (String word : TinyClipVocabulary.create().tokens()) {
            if (!TinyClipVocabulary.SPECIALS.contains(word)) {
                tokens.add(word);
            }
        }
        for (int i = tokens.size(); i < VitB32Graph.VOCAB - 2; i++) {
            tokens.add("<w" + i + ">");
        }
        tokens.add(BOS);
        tokens.add(EOS);
        return tokens;
    }

    private static ObjectNode config(long seed) {
        ObjectNode c = HfExport.object()
                .put("model_type", "clip")
                .put("name", NAME)
                .put("version", TinyClipModel.VERSION + "-seed" + seed)
                .put("projection_dim", VitB32Graph.PROJECTION)
                .put("logit_scale", 100.0)
                .put("max_length", VitB32Graph.MAX_LENGTH);
        c.putObject("text_config")
                .put("max_position_embeddings", VitB32Graph.MAX_LENGTH)
                .put("vocab_size", VitB32Graph.VOCAB)
                .put("hidden_size", 512)
                .put("num_hidden_layers", 12)
                .put("num_attention_heads", 8)
                .put("intermediate_size", 2048);
        c.putObject("vision_config")
                .put("image_size", VitB32Graph.IMAGE_SIZE)
                .put("patch_size", VitB32Graph.PATCH)
                .put("hidden_size", 768)
                .put("num_hidden_layers", 12)
                .put("num_attention_heads", 12)
                .put("intermediate_size", 3072);
        return c;
    }
}
