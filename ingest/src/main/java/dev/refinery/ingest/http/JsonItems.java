package dev.refinery.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.validate.RejectedInputException;
import dev.refinery.schemas.SourceKind;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses pairs sent as JSON: JSON lines (one object per line) or one JSON array. Each object has {@code caption} and
 * either {@code image_base64} or {@code image_url} (or {@code image_part} naming a multipart part), plus optional
 * {@code key}, {@code page_url}, {@code source} and {@code metadata}. An item that cannot be parsed becomes an
 * unparsable candidate, so it still ends in the DLQ with its reason.
 */
final class JsonItems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonItems() {}

    /** The body's items; {@code parts} resolves {@code image_part} references (multipart), or null. */
    static List<Candidate> parse(byte[] body, String sourceName, String origin, Function<String, byte[]> parts) {
        List<Candidate> items = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("[")) {
            try {
                JsonNode array = JSON.readTree(text);
                for (int i = 0; i < array.size(); i++) {
                    byte[] raw = JSON.writeValueAsBytes(array.get(i));
                    items.add(item(array.get(i), raw, i, sourceName, origin, parts));
                }
            } catch (IOException e) {
                items.add(unparsable(
                        body,
                        "request.invalid_json",
                        "body is not a JSON array: " + e.getMessage(),
                        0,
                        sourceName,
                        origin));
            }
            return items;
        }
        int index = 0;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            byte[] raw = line.getBytes(StandardCharsets.UTF_8);
            try {
                items.add(item(JSON.readTree(line), raw, index, sourceName, origin, parts));
            } catch (IOException e) {
                String detail = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                        ? jpe.getOriginalMessage()
                        : e.getMessage();
                items.add(unparsable(
                        raw,
                        "request.invalid_json",
                        "line " + (index + 1) + " is not JSON: " + detail,
                        index,
                        sourceName,
                        origin));
            }
            index++;
        }
        return items;
    }

    private static Candidate item(
            JsonNode n, byte[] raw, int index, String sourceName, String origin, Function<String, byte[]> parts) {
        if (!n.isObject()) {
            return unparsable(
                    raw, "request.invalid_item", "item " + index + " is not a JSON object", index, sourceName, origin);
        }
        String key = text(n, "key");
        String source = n.hasNonNull("source") ? n.get("source").asText() : sourceName;
        String itemOrigin = origin + "#" + (key != null ? key : Integer.toString(index));
        try {
            byte[] bytes = null;
            URI url = null;
            if (n.hasNonNull("image_base64")) {
                bytes = Base64.getMimeDecoder().decode(n.get("image_base64").asText());
            } else if (n.hasNonNull("image_part") && parts != null) {
                bytes = parts.apply(n.get("image_part").asText());
                if (bytes == null) {
                    throw new IllegalArgumentException(
                            "no multipart part named " + n.get("image_part").asText());
                }
            } else if (n.hasNonNull("image_url")) {
                url = URI.create(n.get("image_url").asText().trim());
            } else {
                throw new IllegalArgumentException("item has none of image_base64, image_url, image_part");
            }
            if (!n.has("caption")
                    || !(n.get("caption").isTextual() || n.get("caption").isNull())) {
                throw new IllegalArgumentException("caption must be a string");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            n.path("metadata")
                    .properties()
                    .forEach(e -> metadata.put(
                            e.getKey(),
                            e.getValue().isTextual()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
            return Candidate.of(
                    bytes,
                    url,
                    null,
                    n.get("caption").isNull() ? null : n.get("caption").asText(),
                    SourceKind.HTTP,
                    source,
                    key,
                    text(n, "page_url"),
                    metadata,
                    itemOrigin);
        } catch (IllegalArgumentException e) {
            return unparsable(
                    raw, "request.invalid_item", "item " + index + ": " + e.getMessage(), index, sourceName, origin);
        }
    }

    private static Candidate unparsable(
            byte[] raw, String reason, String message, int index, String sourceName, String origin) {
        return Candidate.unparsable(
                raw,
                new RejectedInputException(reason, message),
                SourceKind.HTTP,
                sourceName,
                Integer.toString(index),
                origin + "#" + index);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
