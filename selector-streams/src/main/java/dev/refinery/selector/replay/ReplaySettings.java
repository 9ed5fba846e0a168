package dev.refinery.selector.replay;

import dev.refinery.selector.policy.SelectionPolicy;
import java.time.Duration;

/**
 * What to replay and how.
 *
 * @param runId the new run's id (decisions, manifest, {@code curated/<run>/})
 * @param parentRunId the run this one re-curates, if any (null otherwise)
 * @param inputTopic the scored topic to read ({@code pairs.scored}, or a re-scored copy)
 * @param shardsPerCluster quota keys per cluster, as {@code REFINERY_SELECTOR_SHARDS_PER_CLUSTER}
 * @param rewriteWait how long, in record time, an original routed to rewrite waits for its revision 1
 * @param perTransaction decisions per output transaction
 */
public record ReplaySettings(
        String runId,
        String parentRunId,
        SelectionPolicy policy,
        String inputTopic,
        ReplayStart start,
        int shardsPerCluster,
        Duration rewriteWait,
        int perTransaction) {

    public static final int DEFAULT_PER_TRANSACTION = 1000;

    public ReplaySettings {
        if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("run id must be 1-128 of [A-Za-z0-9._-], got '" + runId + "'");
        }
        if (shardsPerCluster < 1 || perTransaction < 1 || rewriteWait.isNegative() || rewriteWait.isZero()) {
            throw new IllegalArgumentException("shards per cluster, rewrite wait and batch size must be positive");
        }
    }
}
