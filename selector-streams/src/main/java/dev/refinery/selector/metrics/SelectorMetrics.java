package dev.refinery.selector.metrics;

import dev.refinery.schemas.Decision;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.quota.QuotaReason;
import dev.refinery.selector.topology.SelectorTopology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Selector meters: {@code refinery_selector_decisions_total{outcome,reason,cluster}},
 * {@code refinery_selector_late_rewrites_total} (rewrites that arrived after their original was decided), and per
 * cluster {@code refinery_selector_cluster_acceptance{cluster}} (accepted / decided by the quota, since this instance
 * started) next to {@code refinery_selector_cluster_target} (the policy's alpha, when it has one).
 */
public final class SelectorMetrics implements SelectorTopology.SelectorListener {
    /** Reasons of decisions made by the quota (as opposed to rules or the scorer's reject). */
    private static final java.util.Set<String> QUOTA_REASONS = java.util.Arrays.stream(QuotaReason.values())
            .map(QuotaReason::code)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final MeterRegistry registry;
    private final Counter late;
    private final Counter failedRewrites;
    private final Map<String, long[]> clusters = new ConcurrentHashMap<>();

    public SelectorMetrics(MeterRegistry registry, SelectionPolicy policy) {
        this.registry = registry;
        this.late = Counter.builder("refinery.selector.late.rewrites")
                .description("Rewrites that arrived after their original was decided")
                .tag("policy", policy.name())
                .register(registry);
        this.failedRewrites = Counter.builder("refinery.selector.failed.rewrites")
                .description("Rewrite waits ended early by the rewriter's dead letter")
                .tag("policy", policy.name())
                .register(registry);
        policy.quota().ifPresent(q -> Gauge.builder("refinery.selector.cluster.target", q::alpha)
                .description("Target accepted fraction per cluster (the policy's alpha)")
                .register(registry));
    }

    @Override
    public void decided(Decision decision) {
        Counter.builder("refinery.selector.decisions")
                .description("Decisions by outcome, reason and cluster")
                .tag("outcome", decision.getOutcome().name().toLowerCase(Locale.ROOT))
                .tag("reason", decision.getReason())
                .tag(
                        "cluster",
                        decision.getClusterId() == null
                                ? "none"
                                : decision.getClusterId().toString())
                .register(registry)
                .increment();
        if (decision.getThreshold() != null || QUOTA_REASONS.contains(decision.getReason())) {
            String cluster = decision.getClusterId() == null
                    ? "none"
                    : decision.getClusterId().toString();
            long[] counts = clusters.computeIfAbsent(cluster, c -> {
                long[] fresh = new long[2];
                Gauge.builder(
                                "refinery.selector.cluster.acceptance",
                                () -> fresh[1] == 0 ? 0 : fresh[0] / (double) fresh[1])
                        .description("Accepted / decided by the quota, per cluster, since start")
                        .tag("cluster", c)
                        .register(registry);
                return fresh;
            });
            synchronized (counts) {
                counts[0] += decision.getOutcome() == dev.refinery.schemas.Outcome.ACCEPTED ? 1 : 0;
                counts[1]++;
            }
        }
    }

    @Override
    public void lateRewrite() {
        late.increment();
    }

    @Override
    public void rewriteFailed() {
        failedRewrites.increment();
    }
}
