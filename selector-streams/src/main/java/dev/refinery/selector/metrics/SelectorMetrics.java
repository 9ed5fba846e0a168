package dev.refinery.selector.metrics;

import dev.refinery.schemas.Decision;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.topology.SelectorTopology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Selector meters: {@code refinery_selector_decisions_total{outcome,reason,cluster}} and
 * {@code refinery_selector_late_rewrites_total} (rewrites that arrived after their original was decided). The
 * acceptance rate per cluster against its target is derived in Prometheus from the decisions counter; the status
 * endpoint serves it directly.
 */
public final class SelectorMetrics implements SelectorTopology.SelectorListener {
    private final MeterRegistry registry;
    private final Counter late;

    public SelectorMetrics(MeterRegistry registry, SelectionPolicy policy) {
        this.registry = registry;
        this.late = Counter.builder("refinery.selector.late.rewrites")
                .description("Rewrites that arrived after their original was decided")
                .tag("policy", policy.name())
                .register(registry);
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
    }

    @Override
    public void lateRewrite() {
        late.increment();
    }
}
