package dev.refinery.selector.config;

import dev.refinery.runtime.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;

/**
 * Selector settings from {@code REFINERY_RUN_ID} and {@code REFINERY_SELECTOR_*} variables (every key and default is
 * in docs/configuration.md).
 *
 * @param policy a policy JSON file; empty = the built-in default policy
 * @param waitClock {@code stream}: the rewrite wait is measured in stream time (deterministic on replay, but an idle
 *     input does not advance it); {@code wall}: in wall-clock time
 * @param followRewriterDlq read the DLQ so a rewriter dead letter ends its pair's rewrite wait at once
 * @param advertisedUrl how the other instances reach this one's HTTP port ({@code http://host:port}); set, it is
 *     Streams' {@code application.server} and {@code /v1/quotas} gathers every instance's quota keys
 */
public record SelectorConfig(
        String runId,
        Optional<Path> policy,
        String applicationId,
        int shardsPerCluster,
        Duration rewriteWait,
        PunctuationType waitClock,
        boolean followRewriterDlq,
        Path stateDir,
        int threads,
        int httpPort,
        Optional<java.net.URI> advertisedUrl) {

    public SelectorConfig {
        if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("REFINERY_RUN_ID must be 1-128 of [A-Za-z0-9._-], got '" + runId + "'");
        }
        if (shardsPerCluster < 1 || threads < 1 || rewriteWait.isNegative() || rewriteWait.isZero()) {
            throw new IllegalArgumentException(
                    "REFINERY_SELECTOR_SHARDS_PER_CLUSTER, _THREADS and _REWRITE_WAIT_MS must be positive");
        }
        advertisedUrl.ifPresent(u -> {
            if (!"http".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 1) {
                throw new IllegalArgumentException(
                        "REFINERY_SELECTOR_ADVERTISED_URL must be http://host:port, got " + u);
            }
        });
    }

    public static SelectorConfig fromEnv(Env env) {
        String run = env.string("REFINERY_RUN_ID", "live");
        String clock =
                env.string("REFINERY_SELECTOR_REWRITE_WAIT_CLOCK", "stream").toLowerCase(Locale.ROOT);
        return new SelectorConfig(
                run,
                env.get("REFINERY_SELECTOR_POLICY").filter(s -> !s.isBlank()).map(Path::of),
                env.string("REFINERY_SELECTOR_APPLICATION_ID", "refinery-selector-" + run),
                env.integer("REFINERY_SELECTOR_SHARDS_PER_CLUSTER", 1),
                env.millis("REFINERY_SELECTOR_REWRITE_WAIT_MS", Duration.ofMinutes(2)),
                switch (clock) {
                    case "stream" -> PunctuationType.STREAM_TIME;
                    case "wall" -> PunctuationType.WALL_CLOCK_TIME;
                    default ->
                        throw new IllegalArgumentException(
                                "REFINERY_SELECTOR_REWRITE_WAIT_CLOCK must be stream or wall, got " + clock);
                },
                env.bool("REFINERY_SELECTOR_FOLLOW_REWRITER_DLQ", true),
                Path.of(env.string(
                        "REFINERY_SELECTOR_STATE_DIR", System.getProperty("java.io.tmpdir") + "/refinery-streams")),
                env.integer("REFINERY_SELECTOR_THREADS", 1),
                env.integer("REFINERY_SELECTOR_HTTP_PORT", 8084),
                env.get("REFINERY_SELECTOR_ADVERTISED_URL")
                        .filter(s -> !s.isBlank())
                        .map(java.net.URI::create));
    }
}
