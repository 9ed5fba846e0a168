package dev.refinery.selector.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Outcome;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.policy.ScoredPairs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.junit.jupiter.api.Test;

class SelectorTopologyTest {
    private static final String PROPORTIONAL = """
            {"type": "proportional", "alpha": 0.5, "weights": {"clip_score": 1.0},
             "rules": [{"signal": "caption_words", "min": 2}]}""";
    private static final Duration WAIT = Duration.ofMinutes(2);

    static ScoredPair pair(int n, int cluster, double clip, Route route, int revision, Instant at) {
        ScoredPair p = ScoredPairs.pair(
                String.format(Locale.ROOT, "%064x", n), cluster, clip, Map.of("caption_words", 5.0), null, route);
        RawPair raw = RawPair.newBuilder(p.getPair()).setRevision(revision).build();
        return ScoredPair.newBuilder(p)
                .setPair(raw)
                .setRouteReasons(route == Route.REWRITE ? List.of("low_clip_score") : p.getRouteReasons())
                .setScoredAt(at)
                .build();
    }

    private static Instant at(long seconds) {
        return SelectorDriver.START.plusSeconds(seconds);
    }

    @Test
    void shouldPinTheTopologyDescription() throws IOException {
        String described = SelectorDriver.topology(PROPORTIONAL, 4, WAIT, PunctuationType.STREAM_TIME)
                .describe()
                .toString();
        try (InputStream in = getClass().getResourceAsStream("/topology.txt")) {
            assertThat(in).as("src/test/resources/topology.txt").isNotNull();
            String pinned = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(normalise(described)).isEqualTo(normalise(pinned));
        }
    }

    @Test
    void shouldEmitOneDecisionPerPairAndTheAcceptedOnesAsCurated() {
        try (var d = new SelectorDriver(PROPORTIONAL, 1, WAIT, PunctuationType.STREAM_TIME)) {
            for (int i = 0; i < 40; i++) {
                d.pipe(pair(i, i % 2, 0.1 + (i % 10) * 0.01, Route.KEEP_CANDIDATE, 0, at(i)));
            }
            d.pipe(pair(100, 0, 0.9, Route.REJECT, 0, at(41)));

            List<Decision> decisions = d.decisions();
            assertThat(decisions).hasSize(41);
            assertThat(decisions.stream().map(Decision::getPairId).distinct()).hasSize(41);
            assertThat(decisions).allSatisfy(x -> {
                assertThat(x.getRunId()).isEqualTo("run-test");
                assertThat(x.getPolicyName()).isEqualTo("proportional");
                assertThat(x.getPolicyHash()).hasSize(64);
            });
            Decision rejected = decisions.get(40);
            assertThat(rejected.getOutcome()).isEqualTo(Outcome.REJECTED);
            assertThat(rejected.getReason()).isEqualTo("scorer:reject");
            long accepted = decisions.stream()
                    .filter(x -> x.getOutcome() == Outcome.ACCEPTED)
                    .count();
            assertThat(accepted).isBetween(16L, 24L);
            assertThat(d.curated())
                    .hasSize((int) accepted)
                    .allSatisfy(c -> assertThat(c.getDecision().getOutcome()).isEqualTo(Outcome.ACCEPTED));
        }
    }

    @Test
    void shouldWaitForTheRewriteAndLetTheBetterRevisionWin() {
        try (var d = new SelectorDriver(PROPORTIONAL, 1, WAIT, PunctuationType.STREAM_TIME)) {
            d.pipe(pair(1, 0, 0.05, Route.REWRITE, 0, at(0)));
            d.pipe(pair(2, 0, 0.30, Route.REWRITE, 0, at(1)));
            assertThat(d.decisions()).as("both wait for their rewrite").isEmpty();

            d.pipe(pair(1, 0, 0.40, Route.KEEP_CANDIDATE, 1, at(5))); // better rewrite
            d.pipe(pair(2, 0, 0.10, Route.KEEP_CANDIDATE, 1, at(6))); // worse rewrite

            List<Decision> decisions = d.decisions();
            assertThat(decisions).hasSize(2);
            assertThat(decisions.get(0).getRevision()).isEqualTo(1);
            assertThat(decisions.get(0).getDetail()).contains("rewrite (revision 1) scored at least as well");
            assertThat(decisions.get(1).getRevision()).isZero();
            assertThat(decisions.get(1).getDetail()).contains("the original scored better");
        }
    }

    @Test
    void shouldFallBackToTheOriginalWhenNoRewriteArrivesWithinTheWaitInStreamTime() {
        try (var d = new SelectorDriver(PROPORTIONAL, 1, WAIT, PunctuationType.STREAM_TIME)) {
            d.pipe(pair(1, 0, 0.05, Route.REWRITE, 0, at(0)));
            d.pipe(pair(2, 0, 0.30, Route.KEEP_CANDIDATE, 0, at(60)));
            assertThat(d.decisions()).extracting(Decision::getPairId).containsExactly(String.format("%064x", 2));

            d.pipe(pair(3, 0, 0.30, Route.KEEP_CANDIDATE, 0, at(180))); // stream time passes the wait
            List<Decision> decisions = d.decisions();
            assertThat(decisions).hasSize(2);
            Decision timedOut = decisions.stream()
                    .filter(x -> x.getPairId().equals(String.format("%064x", 1)))
                    .findFirst()
                    .orElseThrow();
            assertThat(timedOut.getRevision()).isZero();
            assertThat(timedOut.getDetail()).contains("rewrite_timeout");

            d.pipe(pair(1, 0, 0.90, Route.KEEP_CANDIDATE, 1, at(200))); // too late: already decided
            assertThat(d.decisions()).isEmpty();
        }
    }

    @Test
    void shouldDecideThePairAtOnceWhenTheRewriterDeadLettersItsRewrite() {
        try (var d = new SelectorDriver(PROPORTIONAL, 1, WAIT, PunctuationType.STREAM_TIME)) {
            String one = String.format("%064x", 1);
            String two = String.format("%064x", 2);
            d.pipe(pair(1, 0, 0.05, Route.REWRITE, 0, at(0)));
            d.pipe(pair(2, 0, 0.30, Route.REWRITE, 0, at(1)));
            d.deadLetter("scorer", one, "image.undecodable", at(2));
            assertThat(d.decisions())
                    .as("another stage's dead letter ends no wait")
                    .isEmpty();

            d.deadLetter("rewriter", one, "rewrite.backend_timeout", at(3));
            List<Decision> decisions = d.decisions();
            assertThat(decisions).extracting(Decision::getPairId).containsExactly(one);
            assertThat(decisions.get(0).getRevision()).isZero();
            assertThat(decisions.get(0).getDetail()).contains("rewrite_failed");

            d.deadLetter("rewriter", one, "rewrite.backend_timeout", at(4)); // a repeat: already decided
            d.pipe(pair(1, 0, 0.90, Route.KEEP_CANDIDATE, 1, at(5))); // a rewrite after all: too late
            assertThat(d.decisions()).isEmpty();

            d.pipe(pair(3, 0, 0.30, Route.KEEP_CANDIDATE, 0, at(180)));
            assertThat(d.decisions())
                    .as("pair 2 still waited for its rewrite and timed out")
                    .filteredOn(x -> x.getPairId().equals(two))
                    .singleElement()
                    .satisfies(x -> assertThat(x.getDetail()).contains("rewrite_timeout"));
        }
    }

    @Test
    void shouldFallBackOnWallClockWhenConfigured() {
        try (var d = new SelectorDriver(PROPORTIONAL, 1, WAIT, PunctuationType.WALL_CLOCK_TIME)) {
            d.pipe(pair(1, 0, 0.05, Route.REWRITE, 0, SelectorDriver.START));
            assertThat(d.decisions()).isEmpty();

            d.driver.advanceWallClockTime(Duration.ofMinutes(3));

            assertThat(d.decisions()).singleElement().satisfies(x -> assertThat(x.getDetail())
                    .contains("rewrite_timeout"));
        }
    }

    @Test
    void shouldApplyTheLowestPolicyToTheSignal() {
        String lowest = """
                {"type": "lowest", "signal": "perplexity", "fraction": 0.2}""";
        try (var d = new SelectorDriver(lowest, 1, WAIT, PunctuationType.STREAM_TIME)) {
            for (int i = 0; i < 500; i++) {
                ScoredPair p = pair(i, 0, 0.3, Route.KEEP_CANDIDATE, 0, at(i));
                d.pipe(withSignal(p, "perplexity", 10 + (i * 37 % 100)));
            }
            List<Decision> accepted = d.decisions().stream()
                    .filter(x -> x.getOutcome() == Outcome.ACCEPTED)
                    .toList();
            assertThat(accepted.size()).isBetween(90, 110);
            double meanAccepted = accepted.stream()
                    .mapToDouble(Decision::getRankScore)
                    .average()
                    .orElseThrow();
            assertThat(meanAccepted).as("low perplexity kept").isLessThan(40);
        }
    }

    @Test
    void shouldApplyTheThresholdPolicy() {
        String threshold = """
                {"type": "threshold", "signal": "clip_score", "min": 0.28}""";
        try (var d = new SelectorDriver(threshold, 1, WAIT, PunctuationType.STREAM_TIME)) {
            d.pipe(pair(1, 0, 0.30, Route.KEEP_CANDIDATE, 0, at(0)));
            d.pipe(pair(2, 0, 0.20, Route.KEEP_CANDIDATE, 0, at(1)));

            assertThat(d.decisions())
                    .extracting(Decision::getOutcome, Decision::getReason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Outcome.ACCEPTED, "above_threshold"),
                            org.assertj.core.groups.Tuple.tuple(Outcome.REJECTED, "below_threshold"));
        }
    }

    @Test
    void shouldCapEachCluster() {
        String cap = """
                {"type": "cap", "max_per_cluster": 3}""";
        try (var d = new SelectorDriver(cap, 1, WAIT, PunctuationType.STREAM_TIME)) {
            for (int i = 0; i < 10; i++) {
                d.pipe(pair(i, i % 2, 0.3, Route.KEEP_CANDIDATE, 0, at(i)));
            }
            List<Decision> decisions = d.decisions();
            assertThat(decisions.stream().filter(x -> x.getOutcome() == Outcome.ACCEPTED))
                    .hasSize(6);
            assertThat(decisions.stream().filter(x -> x.getReason().equals("cluster_cap_reached")))
                    .hasSize(4);
        }
    }

    /** Trailing spaces removed from every line; leading and trailing blank lines dropped. */
    private static String normalise(String text) {
        return text.lines()
                .map(String::stripTrailing)
                .collect(java.util.stream.Collectors.joining("\n"))
                .strip();
    }

    static ScoredPair withSignal(ScoredPair p, String name, double value) {
        var signals = new java.util.ArrayList<>(p.getSignals());
        signals.add(new dev.refinery.schemas.Signal(name, "test-1", value, null));
        return ScoredPair.newBuilder(p).setSignals(signals).build();
    }
}
