package dev.refinery.selector.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Outcome;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.policy.ScoredPairs;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.policy.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplayCoreTest {
    private static final String POLICY = """
        {"type": "proportional", "alpha": 0.2, "weights": {"clip_score": 1.0}}\
        """;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void shouldGiveIdenticalDecisionsWhenReplayingTheSamePolicyTwice() {
        List<List<ScoredRecord>> partitions = partitions(3, 600);

        List<Decision> first = replay(ReplayOrder.merge(partitions));
        List<Decision> second = replay(ReplayOrder.merge(partitions));

        assertThat(first).hasSize(600).isEqualTo(second);
        assertThat(first.stream()
                        .filter(d -> d.getOutcome() == Outcome.ACCEPTED)
                        .count())
                .isBetween(90L, 150L);
    }

    @Test
    void shouldGiveIdenticalDecisionsWhateverOrderThePartitionsAreMergedIn() {
        List<List<ScoredRecord>> partitions = partitions(3, 600);
        List<List<ScoredRecord>> reversed = new ArrayList<>(partitions);
        Collections.reverse(reversed);
        List<List<ScoredRecord>> shuffled = new ArrayList<>();
        for (List<ScoredRecord> p : partitions) {
            List<ScoredRecord> copy = new ArrayList<>(p);
            Collections.shuffle(copy, new Random(p.size()));
            shuffled.add(copy);
        }

        List<Decision> expected = replay(ReplayOrder.merge(partitions));

        assertThat(replay(ReplayOrder.merge(reversed))).isEqualTo(expected);
        assertThat(replay(ReplayOrder.merge(shuffled))).isEqualTo(expected);
    }

    @Test
    void shouldDecidePairsStillWaitingAtTheEndOfTheRangeOnTheirOriginalInPairIdOrder() {
        List<ScoredRecord> input = List.of(
                record(pair(9, 0.3, Route.REWRITE, 0, 0), 1, 0),
                record(pair(2, 0.3, Route.REWRITE, 0, 1), 0, 0),
                record(pair(5, 0.3, Route.KEEP_CANDIDATE, 0, 2), 0, 1));

        List<Decision> decisions = replay(input);

        assertThat(decisions).extracting(Decision::getPairId).containsExactly(id(5), id(2), id(9));
        assertThat(decisions.subList(1, 3)).allSatisfy(d -> {
            assertThat(d.getDetail()).contains("rewrite_timeout");
            assertThat(d.getDecidedAt()).isEqualTo(T0.plusSeconds(2));
        });
    }

    @Test
    void shouldCountARewriteWhoseOriginalWasNotWaitingAsLate() {
        List<Decision> out = new ArrayList<>();
        ReplayCore core = core(c -> out.add(c.getDecision()));
        core.accept(record(pair(1, 0.3, Route.KEEP_CANDIDATE, 0, 0), 0, 0));
        core.accept(record(pair(1, 0.9, Route.KEEP_CANDIDATE, 1, 1), 0, 1));
        core.finish();

        assertThat(out).singleElement().satisfies(d -> assertThat(d.getRevision())
                .isZero());
        assertThat(core.counts())
                .isEqualTo(new ReplayCounts(
                        2,
                        1,
                        out.stream()
                                .filter(d -> d.getOutcome() == Outcome.ACCEPTED)
                                .count(),
                        1,
                        0));
    }

    private static List<Decision> replay(List<ScoredRecord> ordered) {
        return ReplayCore.replay(new Selector(SelectionPolicy.parse(POLICY)), "run-r", 1, WAIT, ordered);
    }

    private static ReplayCore core(java.util.function.Consumer<dev.refinery.schemas.CuratedPair> out) {
        return new ReplayCore(new Selector(SelectionPolicy.parse(POLICY)), "run-r", 1, WAIT, out);
    }

    /** {@code n} pairs over 3 clusters, round-robin over partitions, some routed to rewrite and some rewritten. */
    private static List<List<ScoredRecord>> partitions(int count, int n) {
        Random random = new Random(3);
        List<List<ScoredRecord>> partitions = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            partitions.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Route route = i % 10 == 3 ? Route.REWRITE : Route.KEEP_CANDIDATE;
            long second = i / 4; // equal timestamps across partitions: the partition breaks the tie
            List<ScoredRecord> part = partitions.get(i % count);
            part.add(record(pair(i, random.nextDouble(), route, 0, second), i % count, part.size()));
            if (i % 20 == 3) {
                part.add(record(
                        pair(i, random.nextDouble(), Route.KEEP_CANDIDATE, 1, second + 5), i % count, part.size()));
            }
        }
        return partitions;
    }

    private static ScoredRecord record(ScoredPair pair, int partition, long offset) {
        return new ScoredRecord(pair, pair.getScoredAt().toEpochMilli(), partition, offset);
    }

    private static ScoredPair pair(int n, double clip, Route route, int revision, long second) {
        ScoredPair p = ScoredPairs.pair(id(n), n % 3, clip, Map.of(), null, route);
        return ScoredPair.newBuilder(p)
                .setPair(RawPair.newBuilder(p.getPair()).setRevision(revision).build())
                .setScoredAt(T0.plusSeconds(second))
                .build();
    }

    private static String id(int n) {
        return String.format(Locale.ROOT, "%064x", n);
    }
}
