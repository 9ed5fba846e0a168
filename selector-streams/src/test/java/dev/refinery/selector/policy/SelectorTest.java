package dev.refinery.selector.policy;

import static dev.refinery.selector.policy.ScoredPairs.withSignals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.refinery.schemas.Outcome;
import dev.refinery.schemas.Route;
import dev.refinery.selector.quota.QuotaState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectorTest {
    private static final Selector PROPORTIONAL = new Selector(SelectionPolicy.parse(SelectionPolicyTest.PROPORTIONAL));

    @Test
    void shouldRankByTheWeightedSumAndReportTheSignalsUsed() {
        Evaluation e = PROPORTIONAL.evaluate(ScoredPairs.pair("p", 3, 0.3, goodImage(12.0, 6.0), "en"));

        assertThat(e).isInstanceOfSatisfying(Evaluation.Candidate.class, c -> {
            assertThat(c.rank().value()).isCloseTo(0.3 + 0.5 * 6.0 + 0.01 * 12.0, within(1e-12));
            assertThat(c.rank().key()).isEqualTo(c.rank().value());
            assertThat(c.scores())
                    .containsEntry("clip_score", 0.3)
                    .containsEntry("aesthetic", 6.0)
                    .containsEntry("min_side", 480.0)
                    .containsKeys("caption_words", "aspect_ratio", "laion_alt_too_short");
        });
    }

    @Test
    void shouldRejectOnTheFirstFailingRuleWithoutTouchingTheQuota() {
        QuotaState state = PROPORTIONAL.newState(0, 1);
        Map<String, Double> values = new java.util.HashMap<>(goodImage(1.0, 6.0));
        values.put("min_side", 100.0);

        Selection s = PROPORTIONAL.select(ScoredPairs.pair("p", 3, 0.3, values, "en"), state);

        assertThat(s.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(s.reason()).isEqualTo("rule:caption_words");
        assertThat(s.scores()).containsEntry("min_side", 100.0);
        assertThat(state.seen()).isZero();
        assertThat(PROPORTIONAL
                        .select(ScoredPairs.pair("p", 3, 0.3, goodImage(9.0, 6.0), "fr"), state)
                        .reason())
                .isEqualTo("rule:language");
        assertThat(PROPORTIONAL
                        .select(ScoredPairs.pair("p", 3, 0.3, goodImage(9.0, 6.0), null), state)
                        .reason())
                .isEqualTo("rule:language:missing");
    }

    @Test
    void shouldRejectAPairTheScorerRejected() {
        Selection s = PROPORTIONAL.select(
                ScoredPairs.pair("p", 3, 0.3, goodImage(9.0, 6.0), "en", Route.REJECT), PROPORTIONAL.newState(0, 1));

        assertThat(s.reason()).isEqualTo("scorer:reject");
        assertThat(s.detail()).isEqualTo("rule:min_side");
    }

    @Test
    void shouldRejectOrZeroAMissingRankingSignalAsConfigured() {
        String policy =
                "{\"type\": \"proportional\", \"alpha\": 0.5, \"weights\": {\"clip_score\": 1, \"aesthetic\": 2}";
        Selector reject = new Selector(SelectionPolicy.parse(policy + "}"));
        Selector zero = new Selector(SelectionPolicy.parse(policy + ", \"missing_signal\": \"zero\"}"));

        assertThat(reject.select(withSignals(0.3, Map.of()), reject.newState(0, 1))
                        .reason())
                .isEqualTo("missing_signal:aesthetic");
        Selection s = zero.select(withSignals(0.3, Map.of()), zero.newState(0, 1));
        assertThat(s.rankScore()).isEqualTo(0.3);
        assertThat(s.scores()).containsOnlyKeys("clip_score");
    }

    @Test
    void shouldKeepTheLowestFractionAndReportAnUpperBound() {
        Selector lowest = new Selector(SelectionPolicy.parse(SelectionPolicyTest.LOWEST));
        QuotaState state = lowest.newState(0, 1);
        Random random = new Random(5);
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            double perplexity = 100 * random.nextDouble();
            Selection s = lowest.select(withSignals(null, Map.of("perplexity", perplexity)), state);
            assertThat(s.rankScore()).isEqualTo(perplexity);
            if (s.reason().equals("within_cluster_quota")) {
                assertThat(perplexity).isLessThanOrEqualTo(s.threshold());
            }
            if (s.accepted()) {
                kept.add(perplexity);
            }
        }

        assertThat(kept.size() / 5000.0).isCloseTo(0.2, within(0.01));
        assertThat(kept.stream().filter(p -> p < 25).count()).isGreaterThan((long) (0.95 * kept.size()));
    }

    @Test
    void shouldAcceptAtOrAboveTheThresholdWithoutState() {
        Selector threshold = new Selector(SelectionPolicy.parse(SelectionPolicyTest.THRESHOLD));

        assertThat(threshold.stateful()).isFalse();
        Selection above = threshold.select(withSignals(0.28, Map.of()), null);
        assertThat(above.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(above.reason()).isEqualTo("above_threshold");
        assertThat(above.threshold()).isEqualTo(0.28);
        Selection below = threshold.select(withSignals(0.279, Map.of("laion_image_too_small", 0.0)), null);
        assertThat(below.reason()).isEqualTo("below_threshold");
        assertThat(below.rankScore()).isEqualTo(0.279);
        assertThat(threshold
                        .select(withSignals(0.5, Map.of("laion_image_too_small", 1.0)), null)
                        .reason())
                .isEqualTo("rule:laion_image_too_small");
        assertThat(threshold.select(withSignals(null, Map.of()), null).reason()).isEqualTo("missing_signal:clip_score");
    }

    @Test
    void shouldCapAThresholdPolicyPerCluster() {
        Selector capped = new Selector(SelectionPolicy.parse(
                "{\"type\": \"threshold\", \"signal\": \"clip_score\", \"min\": 0.28, \"max_per_cluster\": 2}"));
        QuotaState state = capped.newState(0, 1);
        List<String> reasons = new ArrayList<>();
        for (double clip : new double[] {0.3, 0.1, 0.4, 0.5}) {
            reasons.add(capped.select(withSignals(clip, Map.of()), state).reason());
        }

        assertThat(reasons)
                .containsExactly("within_cluster_cap", "below_threshold", "within_cluster_cap", "cluster_cap_reached");
    }

    @Test
    void shouldAcceptFirstComeUpToTheCapDividedAmongShards() {
        Selector cap = new Selector(SelectionPolicy.parse("{\"type\": \"cap\", \"max_per_cluster\": 3}"));
        QuotaState shard0 = cap.newState(0, 2);
        QuotaState shard1 = cap.newState(1, 2);
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            accepted += cap.select(withSignals(null, Map.of()), i % 2 == 0 ? shard0 : shard1)
                            .accepted()
                    ? 1
                    : 0;
        }

        assertThat(accepted).isEqualTo(3);
        assertThat(shard0.accepted()).isEqualTo(2);
        Selection last = cap.select(withSignals(null, Map.of()), shard0);
        assertThat(last.reason()).isEqualTo("cluster_cap_reached");
        assertThat(last.rankScore()).isNull();
        assertThat(QuotaState.fromBytes(shard1.toBytes(), cap.quotaParams(1, 2)).accepted())
                .isEqualTo(1);
    }

    @Test
    void shouldRequireAStateForStatefulPolicies() {
        assertThat(PROPORTIONAL.stateful()).isTrue();
        assertThatThrownBy(() -> PROPORTIONAL.select(ScoredPairs.pair("p", 3, 0.3, goodImage(9.0, 6.0), "en"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Double> goodImage(double words, double aesthetic) {
        return Map.of(
                "caption_words", words,
                "aesthetic", aesthetic,
                "min_side", 480.0,
                "aspect_ratio", 1.33,
                "laion_alt_too_short", 0.0);
    }
}
