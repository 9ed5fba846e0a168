package dev.refinery.selector.topology;

import static dev.refinery.selector.topology.SelectorTopologyTest.pair;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.policy.Selector;
import dev.refinery.selector.replay.ReplayCore;
import dev.refinery.selector.replay.ScoredRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.processor.PunctuationType;
import org.junit.jupiter.api.Test;

/**
 * The replay core and the topology (TopologyTestDriver, stream time) decide a single-partition input identically:
 * same revisions, reasons, detail, ranks, thresholds and decision times, rewrite waits included.
 */
class ReplayMatchesTopologyTest {
    private static final String POLICY = """
        {"type": "proportional", "alpha": 0.3, "weights": {"clip_score": 1.0},
         "rules": [{"signal": "caption_words", "min": 2}]}\
        """;
    private static final Duration WAIT = Duration.ofMinutes(2);

    @Test
    void shouldDecideLikeTheTopologyWhenTheRewriteWinsTheOriginalWinsOrTheWaitTimesOut() {
        List<ScoredPair> input = List.of(
                pair(1, 0, 0.05, Route.REWRITE, 0, at(0)), // its rewrite wins
                pair(2, 0, 0.30, Route.REWRITE, 0, at(1)), // the original wins
                pair(3, 0, 0.20, Route.REWRITE, 0, at(2)), // times out
                pair(4, 0, 0.25, Route.KEEP_CANDIDATE, 0, at(3)),
                pair(1, 0, 0.40, Route.KEEP_CANDIDATE, 1, at(5)),
                pair(2, 0, 0.10, Route.KEEP_CANDIDATE, 1, at(6)),
                pair(5, 0, 0.35, Route.KEEP_CANDIDATE, 0, at(200)),
                pair(3, 0, 0.90, Route.KEEP_CANDIDATE, 1, at(210)), // too late
                pair(6, 1, 0.90, Route.REJECT, 0, at(211)));

        List<Decision> topology = topology(input);
        List<Decision> replay = replay(input);

        assertThat(topology).hasSize(6);
        assertThat(topology)
                .extracting(Decision::getDetail)
                .anySatisfy(d -> assertThat(d).contains("rewrite (revision 1)"))
                .anySatisfy(d -> assertThat(d).contains("original scored better"))
                .anySatisfy(d -> assertThat(d).contains("rewrite_timeout"));
        assertThat(replay).isEqualTo(topology);
    }

    @Test
    void shouldDecideLikeTheTopologyOnAManyPairInputWithRewritesAndTimeouts() {
        Random random = new Random(7);
        List<ScoredPair> input = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 400; i++) {
            t += random.nextInt(3000);
            Route route = i % 17 == 0 ? Route.REJECT : i % 5 == 0 ? Route.REWRITE : Route.KEEP_CANDIDATE;
            input.add(pair(i, i % 4, 0.15 + 0.2 * random.nextDouble(), route, 0, SelectorDriver.START.plusMillis(t)));
            if (route == Route.REWRITE && i % 10 == 0 && i >= 20) { // the rewrite of an earlier pair, maybe too late
                int earlier = i - 5 - random.nextInt(10);
                if (earlier % 5 == 0) {
                    input.add(pair(
                            earlier,
                            earlier % 4,
                            0.15 + 0.2 * random.nextDouble(),
                            Route.KEEP_CANDIDATE,
                            1,
                            SelectorDriver.START.plusMillis(t)));
                }
            }
        }

        List<Decision> topology = topology(input);

        assertThat(topology).hasSizeGreaterThan(350);
        assertThat(topology)
                .extracting(Decision::getDetail)
                .anySatisfy(d -> assertThat(d).contains("rewrite_timeout"))
                .anySatisfy(d -> assertThat(d).contains("revision 1"));
        assertThat(replay(input)).isEqualTo(topology);
    }

    private static List<Decision> topology(List<ScoredPair> input) {
        try (var d = new SelectorDriver(POLICY, 2, WAIT, PunctuationType.STREAM_TIME)) {
            input.forEach(d::pipe);
            return d.decisions();
        }
    }

    /** The replay without the end-of-range step (the topology would keep waiting). */
    private static List<Decision> replay(List<ScoredPair> input) {
        List<Decision> out = new ArrayList<>();
        ReplayCore core = new ReplayCore(
                new Selector(SelectionPolicy.parse(POLICY)), "run-test", 2, WAIT, c -> out.add(c.getDecision()));
        for (int i = 0; i < input.size(); i++) {
            ScoredPair p = input.get(i);
            core.accept(new ScoredRecord(p, p.getScoredAt().toEpochMilli(), 0, i));
        }
        return out;
    }

    private static Instant at(long seconds) {
        return SelectorDriver.START.plusSeconds(seconds);
    }
}
