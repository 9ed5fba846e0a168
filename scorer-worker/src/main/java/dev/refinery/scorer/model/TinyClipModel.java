package dev.refinery.scorer.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refinery's embedded "tiny CLIP": a CLIP-shaped dual encoder that the project builds itself (no weights are ever
 * downloaded), written as a HuggingFace Optimum CLIP export so the scorer loads it like any other model. It is made
 * for the demo crawl of coloured shapes ({@code dev.refinery.scorer.demo.ShapeImages}), where matched captions score
 * far above mismatched ones; on real photos its scores mean little.
 *
 * <h2>Files</h2>
 *
 * {@code model.onnx} (opset 17, about 40 KB; inputs {@code input_ids}, {@code attention_mask} int64 [texts, seq],
 * {@code pixel_values} float32 [images, 3, 64, 64]; outputs {@code logits_per_image} [images, texts],
 * {@code logits_per_text}, and unit-length {@code text_embeds} / {@code image_embeds} [n, 54]), {@code tokenizer.json}
 * (word-level, at most {@value #MAX_LENGTH} tokens with {@code <bos>}/{@code <eos>}), {@code preprocessor_config.json}
 * (CLIP image processor: bicubic shortest edge 64, centre crop 64, CLIP mean/std), {@code config.json},
 * {@code special_tokens_map.json} and {@code tokenizer_config.json}. The bytes are the same on every build.
 *
 * <h2>Design</h2>
 *
 * The 54 embedding dims are 8 colour dims (red, orange, yellow, green, blue, purple, pink, black), 5 shape dims
 * (circle, square, triangle, star, ring), their 40 colour-and-shape products and one constant dim. The text tower sums
 * hand-set word vectors ({@link TinyClipVocabulary}: colour words and synonyms on colour dims, shape words on shape
 * dims, filler and unknown words zero); the image tower measures the foreground's mean colour and its fill ratio and
 * hole (see {@link TinyClipImageTower}); both map their scores to the joint space alike ({@link TinyClipGraph}).
 * Cosine scores on the demo crawl: a caption naming the right colour and shape about 1.0; naming only the right colour
 * (or shape) 0.37; one right and one wrong 0.14; no colour or shape word at all (filler, foreign words) 0.13; both
 * wrong 0.02. {@code logit_scale} is 100.
 */
public final class TinyClipModel {
    /** Recorded as {@code name} in {@code config.json}; model ids start with it. */
    public static final String NAME = "refinery-tiny-clip";

    public static final String VERSION = "1";

    /** Side of the square model input ({@code crop_size}). */
    public static final int IMAGE_SIZE = 64;

    /** Token limit including {@code <bos>} and {@code <eos>}. */
    public static final int MAX_LENGTH = 32;

    /** Embedding size ({@code projection_dim}). */
    public static final int DIMENSION = TinyClipGraph.DIMENSION;

    private static final Logger log = LoggerFactory.getLogger(TinyClipModel.class);

    private TinyClipModel() {}

    /** Writes the model's files into {@code dir} (created if missing), replacing any that are there. */
    public static void write(Path dir) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(dir);
        byte[] onnx = onnxBytes();
        Files.write(dir.resolve("model.onnx"), onnx);
        TinyClipVocabulary vocabulary = TinyClipVocabulary.create();
        WordLevelTokenizerJson.Specials specials = new WordLevelTokenizerJson.Specials(
                TinyClipVocabulary.UNK, TinyClipVocabulary.BOS, TinyClipVocabulary.EOS, TinyClipVocabulary.SPECIALS);
        HfExport.writeJson(
                dir.resolve("tokenizer.json"), WordLevelTokenizerJson.build(vocabulary.tokens(), specials, MAX_LENGTH));
        HfExport.writeJson(dir.resolve("preprocessor_config.json"), HfExport.preprocessorConfig(IMAGE_SIZE));
        HfExport.writeJson(dir.resolve("config.json"), config(vocabulary.size()));
        HfExport.writeJson(dir.resolve("special_tokens_map.json"), specialTokens(HfExport.object()));
        HfExport.writeJson(
                dir.resolve("tokenizer_config.json"),
                specialTokens(HfExport.object()
                        .put("tokenizer_class", "PreTrainedTokenizerFast")
                        .put("model_max_length", MAX_LENGTH)));
        log.debug(
                "Wrote {} ({} bytes of ONNX) into {} in {} µs",
                NAME,
                onnx.length,
                dir,
                (System.nanoTime() - start) / 1000);
    }

    /** The serialised {@code model.onnx}. */
    public static byte[] onnxBytes() {
        return TinyClipGraph.model(IMAGE_SIZE).toByteArray();
    }

    private static ObjectNode config(int vocabularySize) {
        ObjectNode c = HfExport.object()
                .put("model_type", "clip")
                .put("name", NAME)
                .put("version", VERSION)
                .put("projection_dim", DIMENSION)
                .put("logit_scale", TinyClipGraph.LOGIT_SCALE)
                .put("max_length", MAX_LENGTH);
        c.putObject("text_config").put("max_position_embeddings", MAX_LENGTH).put("vocab_size", vocabularySize);
        c.putObject("vision_config").put("image_size", IMAGE_SIZE).put("num_channels", 3);
        return c;
    }

    private static ObjectNode specialTokens(ObjectNode node) {
        return HfExport.specialTokens(
                node, TinyClipVocabulary.BOS, TinyClipVocabulary.EOS, TinyClipVocabulary.UNK, TinyClipVocabulary.PAD);
    }
}
