package dev.refinery.selector.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Outcome;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.policy.Evaluation;
import dev.refinery.selector.policy.SelectionFidelityTest;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.policy.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selection-fidelity check of the issue through the whole topology (resolver, repartition by cluster, quota
 * store with its changelog) in TopologyTestDriver: 20,000 scored pairs over 10 clusters of very different sizes,
 * stationary scores, {@code proportional} alpha 0.1. Each cluster's accepted fraction must be within 1.5 points of
 * alpha and the accepted set must overlap the exact offline per-cluster top-alpha by Jaccard >= 0.85.
 */
class SelectorFidelityTopologyTest {
    private static final Logger LOG = LoggerFactory.getLogger(SelectorFidelityTopologyTest.class);

    @Test
    void shouldMatchTheOfflinePerClusterTopAlphaThroughTheTopology() {
        List<ScoredPair> stream = SelectionFidelityTest.stream(1, 1);
        Selector selector = new Selector(SelectionPolicy.parse(SelectionFidelityTest.POLICY));
        Map<String, Decision> decided = new HashMap<>();
        try (var d = new SelectorDriver(
                SelectionFidelityTest.POLICY, 1, Duration.ofMinutes(2), PunctuationType.STREAM_TIME)) {
            for (ScoredPair p : stream) {
                d.scored.pipeInput(p.getPair().getPairId(), p, SelectorDriver.START);
            }
            d.decisions().forEach(x -> decided.put(x.getPairId(), x));
        }
        assertThat(decided).hasSize(stream.size());

        Map<Integer, List<Ranked>> eligible = new HashMap<>();
        for (ScoredPair p : stream) {
            if (selector.evaluate(p) instanceof Evaluation.Candidate c) {
                eligible.computeIfAbsent(p.getCluster().getClusterId(), k -> new ArrayList<>())
                        .add(new Ranked(p.getPair().getPairId(), c.rank().key()));
            }
        }
        Set<String> accepted = new HashSet<>();
        decided.values().stream()
                .filter(x -> x.getOutcome() == Outcome.ACCEPTED)
                .forEach(x -> accepted.add(x.getPairId()));
        Set<String> offline = new HashSet<>();
        List<String> fractions = new ArrayList<>();
        double worst = 0;
        for (List<Ranked> items : eligible.values()) {
            int k = (int) Math.round(SelectionFidelityTest.ALPHA * items.size());
            items.stream()
                    .sorted(Comparator.comparingDouble(Ranked::key).reversed())
                    .limit(k)
                    .forEach(r -> offline.add(r.id()));
            double fraction =
                    items.stream().filter(r -> accepted.contains(r.id())).count() / (double) items.size();
            worst = Math.max(worst, Math.abs(fraction - SelectionFidelityTest.ALPHA));
            fractions.add(String.format(Locale.ROOT, "%d:%.4f", items.size(), fraction));
        }
        Set<String> both = new HashSet<>(accepted);
        both.retainAll(offline);
        double jaccard = both.size() / (double) (accepted.size() + offline.size() - both.size());
        LOG.info(
                "topology fidelity, 20,000 pairs: per-cluster (eligible:accepted fraction) {}, worst |f-alpha| {},"
                        + " Jaccard vs offline top-alpha {}",
                fractions,
                String.format(Locale.ROOT, "%.4f", worst),
                String.format(Locale.ROOT, "%.4f", jaccard));

        assertThat(worst).isLessThanOrEqualTo(0.015);
        assertThat(jaccard).isGreaterThanOrEqualTo(0.85);
    }

    private record Ranked(String id, double key) {}
}
