package dev.refinery.scorer.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a batch of captions is padded: to its longest caption (CLIP; {@code fixedLength} 0), or every row to exactly
 * {@code fixedLength} tokens with {@code padId} (SigLIP, whose text tower was trained on 64 tokens padded with the pad
 * token and takes no attention mask).
 *
 * @param fixedLength the length of every row, or 0 to pad to the longest row of the batch
 * @param padId the id that fills a row up to {@code fixedLength}
 */
record TokenPadding(int fixedLength, long padId) {
    static final TokenPadding LONGEST = new TokenPadding(0, 0);

    boolean fixed() {
        return fixedLength > 0;
    }

    /**
     * The padding a model folder asks for: {@code "padding": {"strategy": {"Fixed": n}, "pad_id": p}} in
     * {@code tokenizer.json}; else, for a text tower without an {@code attention_mask} input, its maximum length
     * ({@code model_max_length} of {@code tokenizer_config.json} when that is smaller) with the pad id of
     * {@code tokenizer.json} or of the {@code pad_token} named in {@code tokenizer_config.json}; else the longest row.
     */
    static TokenPadding read(Path tokenizerJson, int maxLength, boolean modelTakesMask) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode tokenizer = json.readTree(tokenizerJson.toFile());
        JsonNode padding = tokenizer.path("padding");
        JsonNode fixed = padding.path("strategy").path("Fixed");
        long padId = padding.path("pad_id").asLong(-1);
        if (fixed.canConvertToInt() && fixed.asInt() > 0) {
            return new TokenPadding(fixed.asInt(), Math.max(padId, 0));
        }
        if (modelTakesMask) {
            return LONGEST;
        }
        int length = maxLength;
        Path configFile = tokenizerJson.resolveSibling("tokenizer_config.json");
        if (Files.isRegularFile(configFile)) {
            JsonNode config = json.readTree(configFile.toFile());
            double modelMax = config.path("model_max_length").asDouble(0); // "no limit" is written as 1e30
            if (modelMax >= 1 && modelMax < length) {
                length = (int) modelMax;
            }
            JsonNode pad = config.path("pad_token");
            String padToken = pad.isObject() ? pad.path("content").asText(null) : pad.asText(null);
            if (padId < 0 && padToken != null) {
                padId = idOf(tokenizer, padToken);
            }
        }
        return new TokenPadding(length, Math.max(padId, 0));
    }

    /** The id of {@code token} among the added tokens or in the model's vocabulary, or -1. */
    private static long idOf(JsonNode tokenizer, String token) {
        for (JsonNode added : tokenizer.path("added_tokens")) {
            if (token.equals(added.path("content").asText())) {
                return added.path("id").asLong();
            }
        }
        JsonNode vocab = tokenizer.path("model").path("vocab");
        if (vocab.isObject()) {
            return vocab.path(token).asLong(-1);
        }
        for (int i = 0; i < vocab.size(); i++) { // Unigram: [[piece, score], ...]
            if (token.equals(vocab.get(i).path(0).asText())) {
                return i;
            }
        }
        return -1;
    }
}
