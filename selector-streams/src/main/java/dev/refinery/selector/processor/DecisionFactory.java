package dev.refinery.selector.processor;

import dev.refinery.schemas.Decision;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.policy.Selection;
import dev.refinery.selector.policy.SelectionPolicy;
import java.time.Instant;

/**
 * Builds the {@link Decision} of a pair from its {@link Selection}, for the live quota processor and the replay engine
 * alike: same fields, same detail notes on how the revision was resolved, {@code decided_at} = the record time (so a
 * replay decides identically).
 */
public final class DecisionFactory {
    private final String runId;
    private final SelectionPolicy policy;

    public DecisionFactory(String runId, SelectionPolicy policy) {
        this.runId = runId;
        this.policy = policy;
    }

    public Decision decision(ScoredPair scored, Selection selection, Resolution resolution, long timestampMillis) {
        return Decision.newBuilder()
                .setPairId(scored.getPair().getPairId())
                .setImageId(scored.getPair().getImageId())
                .setRevision(scored.getPair().getRevision())
                .setOutcome(selection.outcome())
                .setReason(selection.reason())
                .setDetail(detail(selection.detail(), resolution))
                .setClusterId(
                        scored.getCluster() == null ? null : scored.getCluster().getClusterId())
                .setClusterSetVersion(
                        scored.getCluster() == null ? null : scored.getCluster().getClusterSetVersion())
                .setRankScore(selection.rankScore())
                .setThreshold(selection.threshold())
                .setScores(selection.scores())
                .setRunId(runId)
                .setPolicyName(policy.name())
                .setPolicyHash(policy.hash())
                .setDecidedAt(Instant.ofEpochMilli(timestampMillis))
                .build();
    }

    private static String detail(String detail, Resolution resolution) {
        String note =
                switch (resolution) {
                    case DIRECT -> null;
                    case REWRITE_WON -> "rewrite (revision 1) scored at least as well as the original";
                    case ORIGINAL_WON -> "the original scored better than its rewrite";
                    case REWRITE_TIMEOUT -> "rewrite_timeout: no rewrite arrived within the wait, the original is used";
                    case REWRITE_FAILED ->
                        "rewrite_failed: the rewriter dead-lettered the rewrite (see the DLQ), the original is used";
                };
        if (note == null) {
            return detail;
        }
        return detail == null || detail.isBlank() ? note : detail + "; " + note;
    }
}
