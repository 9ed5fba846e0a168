package dev.refinery.selector.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of a policy: sorted keys, no whitespace, defaults spelled out, reals as Java doubles, integers
 * as integers, rules in their (meaningful) order, labels sorted.
 */
final class CanonicalJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalJson() {}

    static String write(SelectionPolicy policy) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("type", policy.name());
        doc.put("rules", policy.rules().stream().map(CanonicalJson::rule).toList());
        switch (policy) {
            case ProportionalPolicy p -> {
                doc.put("alpha", p.alpha());
                doc.put("weights", p.weights());
                doc.put("missing_signal", p.missingSignal().code());
                options(doc, p.options());
            }
            case LowestPolicy p -> {
                doc.put("signal", p.signal());
                doc.put("fraction", p.fraction());
                doc.put("missing_signal", p.missingSignal().code());
                options(doc, p.options());
            }
            case ThresholdPolicy p -> {
                doc.put("signal", p.signal());
                doc.put("min", p.min());
                doc.put("missing_signal", p.missingSignal().code());
                putIfPresent(doc, "max_per_cluster", p.maxPerCluster());
            }
            case CapPolicy p -> {
                doc.put("max_per_cluster", p.maxPerCluster());
                doc.put("missing_signal", p.missingSignal().code());
                if (!p.weights().isEmpty()) {
                    doc.put("weights", p.weights());
                }
            }
        }
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void options(Map<String, Object> doc, QuotaOptions o) {
        doc.put("window", o.window());
        doc.put("tolerance", o.tolerance());
        doc.put("warmup", o.warmup());
        putIfPresent(doc, "max_per_cluster", o.maxPerCluster());
    }

    private static Map<String, Object> rule(Rule r) {
        Map<String, Object> m = new TreeMap<>();
        m.put("signal", r.signal());
        putIfPresent(m, "min", r.min());
        putIfPresent(m, "max", r.max());
        putIfNotEmpty(m, "label_in", r.labelIn());
        putIfNotEmpty(m, "label_not_in", r.labelNotIn());
        m.put("missing", r.passWhenMissing() ? "pass" : "fail");
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> m, String key, List<String> value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }
}
