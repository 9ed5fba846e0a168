package dev.refinery.selector.policy;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pair's ranking score.
 *
 * @param value the meaningful number for {@code Decision.rank_score}: the weighted sum, or the raw signal (e.g. the
 *     perplexity for {@code lowest})
 * @param key the ordering key the quota compares, higher is better: {@code value}, or {@code -value} for {@code
 *     lowest}
 * @param scores the signal values the ranking used, by name
 */
public record RankScore(double value, double key, Map<String, Double> scores) {
    public RankScore {
        scores = Collections.unmodifiableSortedMap(new TreeMap<>(scores));
    }
}
