package dev.refinery.rewriter.vlm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;

/** Finds a JSON object in model output: bare, in a code fence, between prose, with Python-style single quotes. */
final class LenientJson {
    private static final int MAX_CANDIDATES = 32;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private LenientJson() {}

    /**
     * The first object, in text order of its opening brace, that parses and that {@code wanted} accepts. Each
     * {@code '{'} is tried as a start; whatever follows the object is ignored.
     */
    static Optional<ObjectNode> firstObject(String text, Predicate<ObjectNode> wanted) {
        int from = text.indexOf('{');
        for (int tried = 0; from >= 0 && tried < MAX_CANDIDATES; tried++) {
            Optional<ObjectNode> object = objectAt(text.substring(from));
            if (object.isPresent() && wanted.test(object.get())) {
                return object;
            }
            from = text.indexOf('{', from + 1);
        }
        return Optional.empty();
    }

    private static Optional<ObjectNode> objectAt(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
