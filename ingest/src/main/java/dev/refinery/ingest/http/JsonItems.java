package dev.refinery.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.refinery.ingest.download.WebUrls;
import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.validate.RejectedInputException;
import dev.refinery.schemas.SourceKind;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses pairs sent as JSON: JSON lines (one object per line) or one JSON array. Each object has {@code caption} and
 * either {@code image_base64} or {@code image_url} (or {@code image_part} naming a multipart part), plus optional
 * {@code key}, {@code page_url}, {@code source} and {@code metadata}. An item that cannot be parsed becomes an
 * unparsable candidate, so it still ends in the DLQ with its reason. Lines are parsed from the body's bytes in place.
 */
final class JsonItems {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader ITEM = JSON.readerFor(ItemJson.class);

    private JsonItems() {}

    /** The body's items; {@code parts} resolves {@code image_part} references (multipart), or null. */
    static List<Candidate> parse(byte[] body, String sourceName, String origin, Function<String, byte[]> parts) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && body[first] == '[') {
            return parseArray(body, sourceName, origin, parts);
        }
        List<Candidate> items = new ArrayList<>();
        int index = 0;
        int start = first;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            int len = end - start;
            if (len > 0 && body[end - 1] == '\r') {
                len--;
            }
            if (!isBlank(body, start, len)) {
                items.add(line(body, start, len, index++, sourceName, origin, parts));
            }
            start = end + 1;
        }
        return items;
    }

    private static Candidate line(
            byte[] body,
            int off,
            int len,
            int index,
            String sourceName,
            String origin,
            Function<String, byte[]> parts) {
        byte[] raw = Arrays.copyOfRange(body, off, off + Math.min(len, 4096));
        try {
            return item(ITEM.readValue(body, off, len), raw, index, sourceName, origin, parts);
        } catch (JsonProcessingException e) {
            return unparsable(
                    raw,
                    "request.invalid_json",
                    "line " + (index + 1) + " is not a valid item: " + e.getOriginalMessage(),
                    index,
                    sourceName,
                    origin);
        } catch (IOException e) {
            return unparsable(
                    raw,
                    "request.invalid_json",
                    "line " + (index + 1) + ": " + e.getMessage(),
                    index,
                    sourceName,
                    origin);
        }
    }

    private static List<Candidate> parseArray(
            byte[] body, String sourceName, String origin, Function<String, byte[]> parts) {
        List<Candidate> items = new ArrayList<>();
        JsonNode array;
        try {
            array = JSON.readTree(body);
        } catch (IOException e) {
            items.add(unparsable(
                    Arrays.copyOf(body, Math.min(body.length, 4096)),
                    "request.invalid_json",
                    "body is not a JSON array: " + e.getMessage(),
                    0,
                    sourceName,
                    origin));
            return items;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            byte[] raw = node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                items.add(item(JSON.treeToValue(node, ItemJson.class), raw, i, sourceName, origin, parts));
            } catch (JsonProcessingException e) {
                items.add(unparsable(
                        raw,
                        "request.invalid_item",
                        "item " + i + ": " + e.getOriginalMessage(),
                        i,
                        sourceName,
                        origin));
            }
        }
        return items;
    }

    private static Candidate item(
            ItemJson n, byte[] raw, int index, String sourceName, String origin, Function<String, byte[]> parts) {
        String source = n.source() != null ? n.source() : sourceName;
        String itemOrigin = origin + "#" + (n.key() != null ? n.key() : Integer.toString(index));
        try {
            byte[] bytes = null;
            URI url = null;
            if (n.imageBase64() != null) {
                bytes = n.imageBase64();
            } else if (n.imagePart() != null && parts != null) {
                bytes = parts.apply(n.imagePart());
                if (bytes == null) {
                    throw new RejectedInputException(
                            "request.invalid_item", "no multipart part named " + n.imagePart());
                }
            } else if (n.imageUrl() != null) {
                url = WebUrls.parse(n.imageUrl());
            } else {
                throw new RejectedInputException(
                        "request.invalid_item", "item has none of image_base64, image_url, image_part");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            if (n.metadata() != null) {
                n.metadata().forEach((k, v) -> metadata.put(k, String.valueOf(v)));
            }
            return Candidate.of(
                    bytes, url, null, n.caption(), SourceKind.HTTP, source, n.key(), n.pageUrl(), metadata, itemOrigin);
        } catch (RejectedInputException e) {
            return Candidate.unparsable(raw, e, SourceKind.HTTP, sourceName, Integer.toString(index), itemOrigin);
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

    private static boolean isBlank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (!Character.isWhitespace(b[i])) {
                return false;
            }
        }
        return true;
    }
}
