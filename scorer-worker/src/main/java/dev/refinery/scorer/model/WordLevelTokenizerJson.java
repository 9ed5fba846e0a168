package dev.refinery.scorer.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A HuggingFace {@code tokenizer.json} for a word-level vocabulary: NFKC + lowercase normaliser; a pre-tokenizer that
 * keeps runs of letters only (punctuation and digits are dropped); a {@code WordLevel} model with an unknown token for
 * other words; a template post-processor that wraps every text in the begin and end tokens; right truncation at the
 * maximum length. Padding is left to the caller (DJL pads with id 0).
 */
final class WordLevelTokenizerJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private WordLevelTokenizerJson() {}

    /** Special tokens of a vocabulary: they are matched before normalisation and never split. */
    record Specials(String unknown, String begin, String end, List<String> all) {}

    /**
     * The tokenizer for {@code tokens} (id = position).
     *
     * @param specials the unknown, begin and end tokens and all special tokens, each of them one of {@code tokens}
     */
    static ObjectNode build(List<String> tokens, Specials specials, int maxLength) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
        ObjectNode root = JSON.objectNode();
        root.put("version", "1.0");
        root.set("truncation", truncation(maxLength));
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : specials.all()) {
            added.add(JSON.objectNode()
                    .put("id", ids.get(special))
                    .put("content", special)
                    .put("single_word", false)
                    .put("lstrip", false)
                    .put("rstrip", false)
                    .put("normalized", false)
                    .put("special", true));
        }
        ObjectNode normalizer = root.putObject("normalizer").put("type", "Sequence");
        normalizer.putArray("normalizers").add(type("NFKC")).add(type("Lowercase"));
        ObjectNode preTokenizer = root.putObject("pre_tokenizer").put("type", "Split");
        preTokenizer.putObject("pattern").put("Regex", "\\p{L}+");
        preTokenizer.put("behavior", "Removed").put("invert", true);
        root.set("post_processor", postProcessor(ids, specials));
        root.putNull("decoder");
        ObjectNode model = root.putObject("model").put("type", "WordLevel");
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < tokens.size(); i++) {
            vocab.put(tokens.get(i), i);
        }
        model.put("unk_token", specials.unknown());
        return root;
    }

    private static ObjectNode truncation(int maxLength) {
        return JSON.objectNode()
                .put("direction", "Right")
                .put("max_length", maxLength)
                .put("strategy", "LongestFirst")
                .put("stride", 0);
    }

    private static ObjectNode postProcessor(Map<String, Integer> ids, Specials specials) {
        String begin = specials.begin();
        String end = specials.end();
        ObjectNode post = JSON.objectNode().put("type", "TemplateProcessing");
        post.putArray("single").add(special(begin)).add(sequence("A", 0)).add(special(end));
        post.putArray("pair")
                .add(special(begin))
                .add(sequence("A", 0))
                .add(special(end))
                .add(sequence("B", 1))
                .add(special(end));
        ObjectNode table = post.putObject("special_tokens");
        for (String token : List.of(begin, end)) {
            ObjectNode entry = table.putObject(token).put("id", token);
            entry.putArray("ids").add(ids.get(token));
            entry.putArray("tokens").add(token);
        }
        return post;
    }

    private static ObjectNode special(String token) {
        ObjectNode node = JSON.objectNode();
        node.putObject("SpecialToken").put("id", token).put("type_id", 0);
        return node;
    }

    private static ObjectNode sequence(String id, int typeId) {
        ObjectNode node = JSON.objectNode();
        node.putObject("Sequence").put("id", id).put("type_id", typeId);
        return node;
    }

    private static ObjectNode type(String type) {
        return JSON.objectNode().put("type", type);
    }
}
