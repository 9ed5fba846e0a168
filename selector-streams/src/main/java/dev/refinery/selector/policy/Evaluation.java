package dev.refinery.selector.policy;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stateless part of a selection: the scorer's route, the rules and the ranking. Either the pair is rejected
 * before the quota, or it is a candidate for the quota.
 */
public sealed interface Evaluation {

    /** Signal values the policy looked at, by name (sorted). */
    Map<String, Double> scores();

    /** This evaluation with {@code extra} scores added (existing names keep their value). */
    Evaluation withScores(Map<String, Double> extra);

    /** Rejected before the quota. */
    record Rejected(Rejection rejection, Map<String, Double> scores) implements Evaluation {
        public Rejected {
            scores = sortedCopy(scores);
        }

        @Override
        public Evaluation withScores(Map<String, Double> extra) {
            return new Rejected(rejection, merge(scores, extra));
        }
    }

    /**
     * Passed the route and the rules.
     *
     * @param rank the ranking score, or null for a policy without ranking (a {@code cap} without weights)
     */
    record Candidate(RankScore rank, Map<String, Double> scores) implements Evaluation {
        public Candidate {
            scores = sortedCopy(scores);
        }

        @Override
        public Evaluation withScores(Map<String, Double> extra) {
            return new Candidate(rank, merge(scores, extra));
        }
    }

    private static Map<String, Double> sortedCopy(Map<String, Double> scores) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(scores));
    }

    private static Map<String, Double> merge(Map<String, Double> scores, Map<String, Double> extra) {
        Map<String, Double> merged = new TreeMap<>(extra);
        merged.putAll(scores);
        return merged;
    }
}
