package dev.refinery.selector.policy;

import dev.refinery.selector.quota.QuotaParams;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cap}: at most {@code max_per_cluster} accepted pairs per cluster, for balance across a long-tailed
 * distribution. Streaming semantics: first come, first accepted, among the pairs that pass the rules; a cluster that
 * reached its cap rejects with {@code cluster_cap_reached} from then on. Optional {@code weights} only compute the
 * rank score reported in decisions (and may reject on a missing signal); they do not reorder acceptance, since an
 * immediate decision cannot know the best N of an endless stream. For "the best pairs, at most N per cluster" use
 * {@code proportional} (or {@code lowest}) with {@code max_per_cluster}. With shards, the cap is divided among a
 * cluster's shards so that they add up to N. Example: {@code {"type":"cap","max_per_cluster":500}}.
 *
 * @param maxPerCluster the cap, at least 1
 * @param weights optional weights for the reported rank score; empty for none
 * @param missingSignal JSON {@code missing_signal}
 * @param rules filters before the cap
 */
public record CapPolicy(long maxPerCluster, Map<String, Double> weights, MissingSignal missingSignal, List<Rule> rules)
        implements SelectionPolicy {

    public static final String TYPE = "cap";

    public CapPolicy {
        if (maxPerCluster < 1) {
            throw new InvalidPolicyException("max_per_cluster must be >= 1");
        }
        if (weights == null || weights.isEmpty()) {
            weights = Map.of();
            missingSignal = missingSignal == null ? MissingSignal.REJECT : missingSignal;
        } else {
            Ranking ranking = new Ranking(weights, false, missingSignal);
            weights = ranking.weights();
            missingSignal = ranking.missing();
        }
        rules = List.copyOf(rules);
    }

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Optional<Ranking> ranking() {
        return weights.isEmpty() ? Optional.empty() : Optional.of(new Ranking(weights, false, missingSignal));
    }

    @Override
    public Optional<QuotaParams> quota() {
        return Optional.of(QuotaParams.capOnly(maxPerCluster));
    }
}
