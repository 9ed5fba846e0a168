package dev.refinery.selector.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses and validates a policy document. Strict: unknown keys, duplicate keys and wrong types are errors. */
final class PolicyParser {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Set<String> COMMON = Set.of("type", "rules", "missing_signal");
    private static final Set<String> QUOTA = Set.of("window", "tolerance", "warmup", "max_per_cluster");
    private static final Map<String, Set<String>> KEYS = Map.of(
            ProportionalPolicy.TYPE, union(COMMON, QUOTA, Set.of("alpha", "weights")),
            LowestPolicy.TYPE, union(COMMON, QUOTA, Set.of("signal", "fraction")),
            ThresholdPolicy.TYPE, union(COMMON, Set.of("signal", "min", "max_per_cluster")),
            CapPolicy.TYPE, union(COMMON, Set.of("max_per_cluster", "weights")));
    private static final Set<String> RULE_KEYS = Set.of("signal", "min", "max", "label_in", "label_not_in", "missing");

    private PolicyParser() {}

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }

    static SelectionPolicy parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidPolicyException("policy is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonFields f = new JsonFields(root, "policy");
        String type = f.requiredText("type");
        Set<String> keys = KEYS.get(type);
        if (keys == null) {
            throw new InvalidPolicyException("policy.type must be proportional, lowest, threshold or cap, not " + type);
        }
        f.allowOnly(keys);
        List<Rule> rules = rules(f);
        String missing = f.text("missing_signal");
        MissingSignal missingSignal = missing == null ? MissingSignal.REJECT : MissingSignal.parse(missing);
        SelectionPolicy policy =
                switch (type) {
                    case ProportionalPolicy.TYPE -> {
                        double alpha = f.requiredNumber("alpha");
                        yield new ProportionalPolicy(
                                alpha, f.numberMap("weights"), missingSignal, rules, options(f, alpha));
                    }
                    case LowestPolicy.TYPE -> {
                        double fraction = f.requiredNumber("fraction");
                        yield new LowestPolicy(
                                f.requiredText("signal"), fraction, missingSignal, rules, options(f, fraction));
                    }
                    case ThresholdPolicy.TYPE ->
                        new ThresholdPolicy(
                                f.requiredText("signal"),
                                f.requiredNumber("min"),
                                missingSignal,
                                rules,
                                f.integer("max_per_cluster"));
                    case CapPolicy.TYPE -> {
                        Long max = f.integer("max_per_cluster");
                        if (max == null) {
                            throw new InvalidPolicyException("policy.max_per_cluster is required for cap");
                        }
                        yield new CapPolicy(max, f.numberMap("weights"), missingSignal, rules);
                    }
                    default -> throw new IllegalStateException(type);
                };
        return policy;
    }

    private static QuotaOptions options(JsonFields f, double fraction) {
        return QuotaOptions.resolve(
                fraction,
                f.smallInteger("window"),
                f.number("tolerance"),
                f.smallInteger("warmup"),
                f.integer("max_per_cluster"));
    }

    private static List<Rule> rules(JsonFields f) {
        List<Rule> rules = new ArrayList<>();
        for (JsonFields r : f.objects("rules")) {
            r.allowOnly(RULE_KEYS);
            String missing = r.text("missing");
            if (missing != null && !missing.equals("fail") && !missing.equals("pass")) {
                throw new InvalidPolicyException(r.path() + ".missing must be fail or pass");
            }
            rules.add(new Rule(
                    r.requiredText("signal"),
                    r.number("min"),
                    r.number("max"),
                    r.textList("label_in"),
                    r.textList("label_not_in"),
                    "pass".equals(missing)));
        }
        return rules;
    }
}
