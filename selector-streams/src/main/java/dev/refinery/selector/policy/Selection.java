package dev.refinery.selector.policy;

import dev.refinery.schemas.Outcome;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of selecting one pair: everything a {@code Decision} needs from the policy (the topology adds ids,
 * cluster, run and timestamps).
 *
 * @param outcome ACCEPTED or REJECTED
 * @param reason machine-readable, e.g. {@code within_cluster_quota}, {@code rule:caption_words}, {@code
 *     below_threshold}, {@code cluster_cap_reached}
 * @param detail human-readable detail
 * @param rankScore the policy's rank score (weighted sum, or raw signal), null when not computed
 * @param threshold the threshold compared with, in rank-score units: a lower bound, or an upper bound for {@code
 *     lowest}; null when none applied
 * @param scores signal values the policy used, by name
 */
public record Selection(
        Outcome outcome, String reason, String detail, Double rankScore, Double threshold, Map<String, Double> scores) {

    public Selection {
        scores = Collections.unmodifiableSortedMap(new TreeMap<>(scores));
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
