package dev.refinery.rewriter.config;

import dev.refinery.rewriter.vlm.VlmConfig;
import dev.refinery.runtime.config.Env;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewriter settings from {@code REFINERY_REWRITER_*} variables (every key and default is in docs/configuration.md).
 *
 * @param defaultStrategy strategy for route reasons that {@code strategyByReason} does not name
 * @param strategyByReason scorer route reason → strategy, e.g. {@code low_clip_score=vlm}
 * @param maxEditRatio the minimal-edit ceiling: a rewrite whose token edit ratio exceeds it is over-edited
 * @param overEdit what happens to an over-edited rewrite
 * @param editExemptReasons route-reason prefixes whose originals have nothing worth preserving (a file name, an
 *     empty alt): their rewrites replace the caption and the ceiling does not apply
 * @param concurrency rewrites of one batch running at once
 * @param vlm the OpenAI-compatible backend, when a strategy uses it
 */
public record RewriterConfig(
        String defaultStrategy,
        Map<String, String> strategyByReason,
        double maxEditRatio,
        OverEdit overEdit,
        List<String> editExemptReasons,
        int batchSize,
        Duration batchMaxDelay,
        int concurrency,
        String groupId,
        String transactionalId,
        String instanceId,
        int httpPort,
        Optional<VlmConfig> vlm) {

    /** Strategies this build knows. */
    public static final Set<String> STRATEGIES = Set.of("rules", "vlm");

    /** Over-edited rewrites are dropped ({@code reject}, a DLQ outcome) or published with a flag ({@code flag}). */
    public enum OverEdit {
        REJECT,
        FLAG
    }

    public RewriterConfig {
        strategyByReason = Map.copyOf(strategyByReason);
        editExemptReasons = List.copyOf(editExemptReasons);
        if (!STRATEGIES.contains(defaultStrategy) || !STRATEGIES.containsAll(strategyByReason.values())) {
            throw new IllegalArgumentException("REFINERY_REWRITER_STRATEGY and _STRATEGY_BY_REASON must name one of "
                    + STRATEGIES + ", got " + defaultStrategy + " and " + strategyByReason);
        }
        if (!(maxEditRatio > 0 && maxEditRatio <= 1)) {
            throw new IllegalArgumentException("REFINERY_REWRITER_MAX_EDIT_RATIO must be in (0, 1]");
        }
        if (batchSize < 1 || concurrency < 1 || batchMaxDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "REFINERY_REWRITER_BATCH_SIZE and _CONCURRENCY must be >= 1, _BATCH_MAX_DELAY_MS >= 0");
        }
        boolean usesVlm = defaultStrategy.equals("vlm") || strategyByReason.containsValue("vlm");
        if (usesVlm && vlm.isEmpty()) {
            throw new IllegalArgumentException("the vlm strategy needs REFINERY_REWRITER_VLM_URL");
        }
    }

    public static RewriterConfig fromEnv(Env env) {
        String instance = env.string(
                "REFINERY_REWRITER_INSTANCE_ID",
                Optional.ofNullable(System.getenv("HOSTNAME")).orElse("rewriter"));
        return new RewriterConfig(
                env.string("REFINERY_REWRITER_STRATEGY", "rules"),
                parseMap(env.string("REFINERY_REWRITER_STRATEGY_BY_REASON", "")),
                Double.parseDouble(env.string("REFINERY_REWRITER_MAX_EDIT_RATIO", "0.8")),
                OverEdit.valueOf(
                        env.string("REFINERY_REWRITER_OVER_EDIT", "flag").toUpperCase(Locale.ROOT)),
                List.of(env.string("REFINERY_REWRITER_EDIT_EXEMPT_REASONS", "boilerplate_caption,laion_alt_too_short")
                                .split(","))
                        .stream()
                        .map(String::trim)
                        .filter(x -> !x.isEmpty())
                        .toList(),
                env.integer("REFINERY_REWRITER_BATCH_SIZE", 32),
                env.millis("REFINERY_REWRITER_BATCH_MAX_DELAY_MS", Duration.ofMillis(200)),
                env.integer("REFINERY_REWRITER_CONCURRENCY", 8),
                env.string("REFINERY_REWRITER_GROUP_ID", "refinery-rewriter"),
                env.string("REFINERY_REWRITER_TRANSACTIONAL_ID", "refinery-rewriter-" + instance),
                instance,
                env.integer("REFINERY_REWRITER_HTTP_PORT", 8083),
                VlmSettings.fromEnv(env));
    }

    /** True when the ceiling does not apply to a pair routed for {@code routeReasons}. */
    public boolean editExempt(List<String> routeReasons) {
        return routeReasons.stream().anyMatch(r -> editExemptReasons.stream().anyMatch(r::startsWith));
    }

    /** Parses {@code a=b,c=d}; blank entries are skipped. */
    static Map<String, String> parseMap(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected reason=strategy, got '" + entry.trim() + "'");
            }
            out.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return out;
    }
}
