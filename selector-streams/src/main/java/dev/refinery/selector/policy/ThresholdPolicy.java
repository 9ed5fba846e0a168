package dev.refinery.selector.policy;

import dev.refinery.selector.quota.QuotaParams;
import java.util.List;
import java.util.Optional;

/**
 * {@code threshold}: accept when {@code signal >= min} (LAION: {@code clip_score >= 0.28}), usually combined with
 * DataComp-basic rules. Stateless unless {@code max_per_cluster} is set, which caps the accepted pairs per cluster
 * first-come. Example: {@code {"type":"threshold","signal":"clip_score","min":0.28}}.
 *
 * @param signal the compared signal
 * @param min inclusive lower bound
 * @param missingSignal JSON {@code missing_signal}
 * @param rules filters before the comparison
 * @param maxPerCluster optional cap, or null
 */
public record ThresholdPolicy(
        String signal, double min, MissingSignal missingSignal, List<Rule> rules, Long maxPerCluster)
        implements SelectionPolicy {

    public static final String TYPE = "threshold";

    public ThresholdPolicy {
        missingSignal = Ranking.bySignal(signal, false, missingSignal).missing();
        rules = List.copyOf(rules);
        if (!Double.isFinite(min)) {
            throw new InvalidPolicyException("threshold: min must be finite");
        }
        min = min + 0.0;
        if (maxPerCluster != null && maxPerCluster < 1) {
            throw new InvalidPolicyException("max_per_cluster must be >= 1");
        }
    }

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Optional<Ranking> ranking() {
        return Optional.of(Ranking.bySignal(signal, false, missingSignal));
    }

    @Override
    public Optional<QuotaParams> quota() {
        return maxPerCluster == null ? Optional.empty() : Optional.of(QuotaParams.capOnly(maxPerCluster));
    }
}
