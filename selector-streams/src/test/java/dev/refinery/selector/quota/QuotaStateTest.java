package dev.refinery.selector.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuotaStateTest {
    private static final QuotaParams PARAMS = QuotaParams.ofAlpha(0.1);

    @Test
    void shouldGiveIdenticalVerdictsForTheSameSequenceAcrossASerialisationRoundTrip() {
        double[] ranks = gaussian(7, 10_000);
        QuotaState straight = QuotaState.create(PARAMS);
        QuotaState restored = QuotaState.create(PARAMS);
        List<Verdict> a = new ArrayList<>();
        List<Verdict> b = new ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            a.add(straight.offer(ranks[i]));
            b.add(restored.offer(ranks[i]));
            if (i % 997 == 0) {
                restored = QuotaState.fromBytes(restored.toBytes(), PARAMS);
            }
        }

        assertThat(b).isEqualTo(a);
        assertThat(restored.toBytes()).isEqualTo(straight.toBytes());
    }

    @Test
    void shouldRoundTripTheStateExactly() {
        QuotaState state = QuotaState.create(PARAMS);
        for (double r : gaussian(1, 5000)) {
            state.offer(r);
        }
        byte[] bytes = state.toBytes();
        QuotaState copy = QuotaState.fromBytes(bytes, PARAMS);

        assertThat(copy.seen()).isEqualTo(5000);
        assertThat(copy.accepted()).isEqualTo(state.accepted());
        assertThat(copy.windowSize()).isEqualTo(PARAMS.window());
        assertThat(copy.toBytes()).isEqualTo(bytes);
        assertThat(bytes.length).isEqualTo(53 + 8 * 4096).isLessThan(100_000);
        assertThat(QuotaState.create(PARAMS).toBytes()).hasSize(53);
    }

    @Test
    void shouldRefuseStateOfAnotherFormatOrOtherParameters() {
        byte[] bytes = QuotaState.create(PARAMS).toBytes();
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 9;

        assertThatThrownBy(() -> QuotaState.fromBytes(otherVersion, PARAMS)).hasMessageContaining("format 9");
        assertThatThrownBy(() -> QuotaState.fromBytes(bytes, QuotaParams.ofAlpha(0.2)))
                .hasMessageContaining("written under");
        assertThatThrownBy(() -> QuotaState.fromBytes(Arrays.copyOf(bytes, 20), PARAMS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void shouldKeepTheAcceptedCountWithinTheBandEvenWhenRanksOnlyRise() {
        QuotaState state = QuotaState.create(PARAMS);
        List<QuotaReason> reasons = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Verdict v = state.offer(i); // every rank is a new maximum
            reasons.add(v.reason());
            double band = Math.max(QuotaParams.MIN_BAND_ITEMS, PARAMS.tolerance() * v.seen());
            assertThat(Math.abs(v.acceptedTotal() - PARAMS.alpha() * v.seen())).isLessThanOrEqualTo(band);
        }
        assertThat(reasons).contains(QuotaReason.CLUSTER_QUOTA_SURPLUS);
    }

    @Test
    void shouldAcceptTheTopFractionOfAStationaryStream() {
        QuotaState state = QuotaState.create(PARAMS);
        double[] ranks = gaussian(11, 20_000);
        int acceptedAboveQuantile = 0;
        for (double r : ranks) {
            if (state.offer(r).accepted() && r > 1.0) {
                acceptedAboveQuantile++;
            }
        }
        // N(0,1): P(X > 1.2816) = 0.1; nearly every accepted rank lies above 1.0
        assertThat(state.accepted()).isBetween(1900L, 2100L);
        assertThat(acceptedAboveQuantile).isGreaterThan(1900);
    }

    @Test
    void shouldFlagWarmupAndReportTheComparedThreshold() {
        QuotaState state = QuotaState.create(PARAMS);
        Verdict first = state.offer(1.0);

        assertThat(first.reason()).isEqualTo(QuotaReason.WARMUP_BELOW_CLUSTER_QUOTA);
        assertThat(first.threshold()).isNull();
        for (double r : gaussian(2, PARAMS.warmup())) {
            state.offer(r);
        }
        Verdict later = state.offer(10.0);
        assertThat(later.reason()).isEqualTo(QuotaReason.WITHIN_CLUSTER_QUOTA);
        assertThat(later.threshold()).isNotNull().isLessThan(10.0);
        assertThat(later.seen()).isEqualTo(PARAMS.warmup() + 2L);
    }

    @Test
    void shouldStopAcceptingAtTheCap() {
        QuotaState state = QuotaState.create(QuotaParams.capOnly(3));
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reasons.add(state.offer(0).reason().code());
        }

        assertThat(reasons)
                .containsExactly(
                        "within_cluster_cap",
                        "within_cluster_cap",
                        "within_cluster_cap",
                        "cluster_cap_reached",
                        "cluster_cap_reached");
        assertThat(state.toBytes()).hasSize(53);
    }

    @Test
    void shouldSplitACapAmongShardsSoThatTheyAddUp() {
        QuotaParams cap = QuotaParams.capOnly(10);
        long total = 0;
        for (int shard = 0; shard < 4; shard++) {
            total += cap.forShard(shard, 4).cap();
        }

        assertThat(total).isEqualTo(10);
        assertThat(cap.forShard(0, 4).cap()).isEqualTo(3);
        assertThat(cap.forShard(3, 4).cap()).isEqualTo(2);
        assertThat(PARAMS.forShard(1, 2)).isEqualTo(PARAMS);
        assertThatThrownBy(() -> cap.forShard(4, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectNonFiniteRanksAndInvalidParameters() {
        QuotaState state = QuotaState.create(PARAMS);

        assertThatThrownBy(() -> state.offer(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuotaParams.ofAlpha(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuotaParams(0.1, 8, 0.01, 0, 1)).hasMessageContaining("window");
        assertThat(state.seen()).isZero();
    }

    private static double[] gaussian(long seed, int n) {
        Random random = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextGaussian();
        }
        return out;
    }
}
