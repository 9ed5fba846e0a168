package dev.refinery.rewriter.worker;

import dev.refinery.rewriter.strategy.RewriteStrategy;
import java.util.List;
import java.util.Map;

/**
 * Chooses the strategy for a pair from the scorer's route reasons: the first reason with a configured strategy wins,
 * otherwise the default strategy.
 */
public final class StrategyRouter {
    private final Map<String, RewriteStrategy> byName;
    private final Map<String, String> byReason;
    private final String defaultStrategy;

    public StrategyRouter(Map<String, RewriteStrategy> byName, Map<String, String> byReason, String defaultStrategy) {
        if (!byName.containsKey(defaultStrategy) || !byName.keySet().containsAll(byReason.values())) {
            throw new IllegalArgumentException("strategies " + byName.keySet() + " do not cover " + byReason.values()
                    + " and default " + defaultStrategy);
        }
        this.byName = Map.copyOf(byName);
        this.byReason = Map.copyOf(byReason);
        this.defaultStrategy = defaultStrategy;
    }

    public RewriteStrategy choose(List<String> routeReasons) {
        for (String reason : routeReasons) {
            String name = byReason.get(reason);
            if (name != null) {
                return byName.get(name);
            }
        }
        return byName.get(defaultStrategy);
    }
}
