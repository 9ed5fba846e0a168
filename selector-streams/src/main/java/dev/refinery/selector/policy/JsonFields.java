package dev.refinery.selector.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed, strict access to the fields of one JSON object of a policy document. */
final class JsonFields {
    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidPolicyException(path + ": expected a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    String requiredText(String key) {
        String s = text(key);
        if (s == null) {
            throw new InvalidPolicyException(path + "." + key + " is required");
        }
        return s;
    }

    String text(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new InvalidPolicyException(path + "." + key + ": expected a non-blank string");
        }
        return v.asText();
    }

    double requiredNumber(String key) {
        Double d = number(key);
        if (d == null) {
            throw new InvalidPolicyException(path + "." + key + " is required");
        }
        return d;
    }

    Double number(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new InvalidPolicyException(path + "." + key + ": expected a finite number");
        }
        return v.doubleValue();
    }

    Long integer(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw new InvalidPolicyException(path + "." + key + ": expected an integer");
        }
        return v.longValue();
    }

    Integer smallInteger(String key) {
        Long v = integer(key);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new InvalidPolicyException(path + "." + key + ": out of range");
        }
        return v == null ? null : v.intValue();
    }

    Map<String, Double> numberMap(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return Map.of();
        }
        JsonFields inner = new JsonFields(v, path + "." + key);
        Map<String, Double> out = new LinkedHashMap<>();
        v.fieldNames().forEachRemaining(name -> out.put(name, inner.requiredNumber(name)));
        return out;
    }

    List<String> textList(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw new InvalidPolicyException(path + "." + key + ": expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new InvalidPolicyException(path + "." + key + ": expected an array of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    List<JsonFields> objects(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new InvalidPolicyException(path + "." + key + ": expected an array of objects");
        }
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new JsonFields(v.get(i), path + "." + key + "[" + i + "]"));
        }
        return out;
    }

    String path() {
        return path;
    }

    /** Fails on any key outside {@code allowed}. */
    void allowOnly(Set<String> allowed) {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidPolicyException(path + ": unknown keys " + unknown);
        }
    }

    private JsonNode get(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }
}
