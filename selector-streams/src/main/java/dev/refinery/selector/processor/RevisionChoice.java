package dev.refinery.selector.processor;

import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.policy.Evaluation;
import dev.refinery.selector.policy.Selector;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * How a pair's final revision is chosen, shared by {@link ResolveRevisionProcessor} (live) and the replay engine so
 * both decide alike: which revision wins, when a waiting original is due, and how often the wait is checked.
 */
public final class RevisionChoice {
    private RevisionChoice() {}

    /**
     * Whether the rewrite (revision 1) beats the original: a non-rejected revision beats a rejected one, otherwise the
     * higher rank wins and the rewrite wins ties.
     */
    public static boolean rewriteWins(ScoredPair rewrite, ScoredPair original, ToDoubleFunction<ScoredPair> rank) {
        boolean rewriteRejected = rewrite.getRoute() == Route.REJECT;
        boolean originalRejected = original.getRoute() == Route.REJECT;
        if (rewriteRejected != originalRejected) {
            return !rewriteRejected;
        }
        return rank.applyAsDouble(rewrite) >= rank.applyAsDouble(original);
    }

    /** The resolver's rank: the policy's ordering key; a pair the policy rejects ranks lowest. */
    public static double rankKey(Selector selector, ScoredPair pair) {
        return switch (selector.evaluate(pair)) {
            case Evaluation.Candidate c -> c.rank() == null ? 0.0 : c.rank().key();
            case Evaluation.Rejected r -> Double.NEGATIVE_INFINITY;
        };
    }

    /** Whether an original waiting for its rewrite is due at {@code now} (ms): its {@code scored_at} plus the wait. */
    public static boolean due(ScoredPair original, Duration wait, long now) {
        return original.getScoredAt().toEpochMilli() + wait.toMillis() <= now;
    }

    /** How often waiting originals are checked: a quarter of the wait, at least one second. */
    public static Duration checkInterval(Duration wait) {
        Duration quarter = wait.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : quarter;
    }
}
