package dev.refinery.selector.policy;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How a policy ranks pairs: a weighted sum of signals in a fixed (sorted) order, and whether higher or lower is
 * better.
 *
 * @param weights signal name to weight, non-empty, finite
 * @param lowerIsBetter true for {@code lowest}: the quota keeps the lowest values ({@code key = -value})
 * @param missing what to do when a weighted signal is missing
 */
public record Ranking(Map<String, Double> weights, boolean lowerIsBetter, MissingSignal missing) {

    public Ranking {
        if (weights == null || weights.isEmpty()) {
            throw new InvalidPolicyException("weights must name at least one signal");
        }
        TreeMap<String, Double> sorted = new TreeMap<>();
        weights.forEach((name, w) -> {
            if (name == null || name.isBlank() || w == null || !Double.isFinite(w)) {
                throw new InvalidPolicyException("weights: names must be non-blank and weights finite");
            }
            sorted.put(name, w + 0.0);
        });
        if (sorted.values().stream().allMatch(w -> w == 0)) {
            throw new InvalidPolicyException("weights must not all be zero");
        }
        weights = Collections.unmodifiableSortedMap(sorted);
        if (missing == null) {
            missing = MissingSignal.REJECT;
        }
    }

    /** Ranking by one signal with weight 1. */
    public static Ranking bySignal(String signal, boolean lowerIsBetter, MissingSignal missing) {
        if (signal == null || signal.isBlank()) {
            throw new InvalidPolicyException("signal is required");
        }
        return new Ranking(Map.of(signal, 1.0), lowerIsBetter, missing);
    }

    /**
     * The pair's score; a rejection when a weighted signal is missing and {@code missing == REJECT} ({@code
     * missing_signal:<name>}) or when the sum is infinite ({@code rank:not_finite}).
     */
    public Evaluation score(SignalView signals) {
        Map<String, Double> used = new TreeMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            OptionalDouble v = signals.value(w.getKey());
            if (v.isPresent()) {
                used.put(w.getKey(), v.getAsDouble());
                sum += w.getValue() * v.getAsDouble();
            } else if (missing == MissingSignal.REJECT) {
                return new Evaluation.Rejected(
                        new Rejection("missing_signal:" + w.getKey(), "ranking signal " + w.getKey() + " is missing"),
                        used);
            }
        }
        if (!Double.isFinite(sum)) {
            return new Evaluation.Rejected(
                    new Rejection("rank:not_finite", "rank score " + sum + " is not finite"), used);
        }
        double value = sum + 0.0;
        return new Evaluation.Candidate(new RankScore(value, lowerIsBetter ? -value : value, used), used);
    }
}
