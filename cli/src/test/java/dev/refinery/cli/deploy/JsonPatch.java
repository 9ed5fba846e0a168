package dev.refinery.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 {@code add}, {@code remove}, {@code replace} and {@code test} on a Jackson tree, strict like kustomize's
 * implementation: removing or replacing a missing path, or a failing test, is an error.
 */
final class JsonPatch {
    private JsonPatch() {}

    static void apply(ObjectNode document, ArrayNode ops) {
        for (JsonNode op : ops) {
            String kind = op.path("op").asText();
            List<String> path = pointer(op.path("path").asText());
            JsonNode parent = resolve(document, path.subList(0, path.size() - 1), op);
            String last = path.get(path.size() - 1);
            JsonNode value = op.get("value");
            switch (kind) {
                case "test" -> {
                    if (!value.equals(child(parent, last, op))) {
                        throw new IllegalStateException("test failed: " + op + " found " + child(parent, last, op));
                    }
                }
                case "remove" -> {
                    child(parent, last, op);
                    if (parent instanceof ObjectNode o) {
                        o.remove(last);
                    } else {
                        ((ArrayNode) parent).remove(Integer.parseInt(last));
                    }
                }
                case "replace" -> {
                    child(parent, last, op);
                    set(parent, last, value.deepCopy(), false);
                }
                case "add" -> set(parent, last, value.deepCopy(), true);
                default -> throw new IllegalStateException("unsupported JSON patch op " + op);
            }
        }
    }

    private static List<String> pointer(String pointer) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("not a JSON pointer: " + pointer);
        }
        List<String> parts = new ArrayList<>();
        for (String p : pointer.substring(1).split("/", -1)) {
            parts.add(p.replace("~1", "/").replace("~0", "~"));
        }
        return parts;
    }

    private static JsonNode resolve(JsonNode node, List<String> path, JsonNode op) {
        JsonNode current = node;
        for (String p : path) {
            current = child(current, p, op);
        }
        return current;
    }

    private static JsonNode child(JsonNode parent, String key, JsonNode op) {
        JsonNode c = parent.isArray() ? parent.get(Integer.parseInt(key)) : parent.get(key);
        if (c == null) {
            throw new IllegalStateException("path does not exist for " + op);
        }
        return c;
    }

    private static void set(JsonNode parent, String key, JsonNode value, boolean insert) {
        if (parent instanceof ObjectNode o) {
            o.set(key, value);
        } else if (parent instanceof ArrayNode a) {
            if (key.equals("-")) {
                a.add(value);
            } else if (insert) {
                a.insert(Integer.parseInt(key), value);
            } else {
                a.set(Integer.parseInt(key), value);
            }
        } else {
            throw new IllegalStateException("cannot set " + key + " in " + parent);
        }
    }
}
