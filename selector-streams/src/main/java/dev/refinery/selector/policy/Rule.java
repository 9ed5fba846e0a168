package dev.refinery.selector.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A DataComp-basic-style filter on one signal. Its operators are ANDed: {@code min} (value {@code >=} min), {@code
 * max} (value {@code <=} max), {@code label_in} and {@code label_not_in} (labels compared in lower case). A failing
 * rule rejects the pair with reason {@code rule:<signal>}. When the signal lacks what an operator needs (no signal,
 * null or NaN value, no label), {@code missing} decides: {@code fail} (default, reason {@code rule:<signal>:missing})
 * or {@code pass}.
 *
 * @param signal signal name ({@code clip_score} reads the top-level CLIP score)
 * @param min lower bound, inclusive, or null
 * @param max upper bound, inclusive, or null
 * @param labelIn allowed labels (lower case, sorted); empty for no constraint
 * @param labelNotIn forbidden labels (lower case, sorted); empty for no constraint
 * @param passWhenMissing true for {@code "missing": "pass"}
 */
public record Rule(
        String signal, Double min, Double max, List<String> labelIn, List<String> labelNotIn, boolean passWhenMissing) {

    public Rule {
        if (signal == null || signal.isBlank()) {
            throw new InvalidPolicyException("rule: signal is required");
        }
        labelIn = normalise(labelIn);
        labelNotIn = normalise(labelNotIn);
        if (min == null && max == null && labelIn.isEmpty() && labelNotIn.isEmpty()) {
            throw new InvalidPolicyException("rule " + signal + ": needs min, max, label_in or label_not_in");
        }
        if ((min != null && !Double.isFinite(min)) || (max != null && !Double.isFinite(max))) {
            throw new InvalidPolicyException("rule " + signal + ": min and max must be finite");
        }
        if (min != null && max != null && min > max) {
            throw new InvalidPolicyException("rule " + signal + ": min > max");
        }
        min = min == null ? null : min + 0.0;
        max = max == null ? null : max + 0.0;
    }

    /** The rejection when the pair fails this rule, empty when it passes. */
    public Optional<Rejection> check(SignalView signals) {
        if (min != null || max != null) {
            OptionalDouble v = signals.value(signal);
            if (v.isEmpty()) {
                return missing("no value");
            }
            double x = v.getAsDouble();
            if (min != null && x < min) {
                return fail(signal + "=" + x + " < min " + min);
            }
            if (max != null && x > max) {
                return fail(signal + "=" + x + " > max " + max);
            }
        }
        if (!labelIn.isEmpty() || !labelNotIn.isEmpty()) {
            Optional<String> label = signals.label(signal);
            if (label.isEmpty()) {
                return missing("no label");
            }
            String l = label.get().toLowerCase(Locale.ROOT);
            if (!labelIn.isEmpty() && !labelIn.contains(l)) {
                return fail(signal + " label " + l + " not in " + labelIn);
            }
            if (labelNotIn.contains(l)) {
                return fail(signal + " label " + l + " in " + labelNotIn);
            }
        }
        return Optional.empty();
    }

    private Optional<Rejection> missing(String what) {
        return passWhenMissing
                ? Optional.empty()
                : Optional.of(new Rejection("rule:" + signal + ":missing", signal + ": " + what));
    }

    private Optional<Rejection> fail(String detail) {
        return Optional.of(new Rejection("rule:" + signal, detail));
    }

    private static List<String> normalise(List<String> labels) {
        if (labels == null) {
            return List.of();
        }
        if (labels.stream().anyMatch(l -> l == null || l.isBlank())) {
            throw new InvalidPolicyException("rule labels must be non-blank");
        }
        return labels.stream()
                .map(l -> l.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted()
                .toList();
    }
}
