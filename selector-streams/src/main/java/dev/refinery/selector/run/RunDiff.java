package dev.refinery.selector.run;

import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two runs, from their decisions: per cluster, accepted in A, accepted in B, added (accepted in
 * B, not in A) and removed. Pure; {@link RunDecisions} reads the decisions. With the same clusters in both runs,
 * {@code acceptedB - acceptedA = added - removed} in every row.
 *
 * @param decidedA pairs run A decided
 * @param decidedB pairs run B decided
 * @param clusters one row per cluster, in cluster order (numeric ids first, ascending)
 */
public record RunDiff(String runA, String runB, long decidedA, long decidedB, List<ClusterDiff> clusters) {
    private static final Comparator<String> CLUSTER_ORDER = Comparator.<String, Boolean>comparing(
                    c -> !c.chars().allMatch(Character::isDigit))
            .thenComparing(c -> c.chars().allMatch(Character::isDigit) ? Long.parseLong(c) : 0L)
            .thenComparing(Comparator.naturalOrder());

    /** Diffs run A against run B over {@code decisions} (any runs; others are ignored; the last decision wins). */
    public static RunDiff of(String runA, String runB, Iterable<Decision> decisions) {
        Map<String, Decision> a = new HashMap<>();
        Map<String, Decision> b = new HashMap<>();
        for (Decision d : decisions) {
            if (d.getRunId().equals(runA)) {
                a.put(d.getPairId(), d);
            }
            if (d.getRunId().equals(runB)) {
                b.put(d.getPairId(), d);
            }
        }
        Map<String, long[]> counts = new TreeMap<>(CLUSTER_ORDER);
        Map<String, TreeSet<String>> added = new HashMap<>();
        Map<String, TreeSet<String>> removed = new HashMap<>();
        a.values().stream().filter(RunDiff::accepted).forEach(d -> {
            counts.computeIfAbsent(cluster(d), c -> new long[2])[0]++;
            if (!accepted(b.get(d.getPairId()))) {
                removed.computeIfAbsent(cluster(d), c -> new TreeSet<>()).add(d.getPairId());
            }
        });
        b.values().stream().filter(RunDiff::accepted).forEach(d -> {
            counts.computeIfAbsent(cluster(d), c -> new long[2])[1]++;
            if (!accepted(a.get(d.getPairId()))) {
                added.computeIfAbsent(cluster(d), c -> new TreeSet<>()).add(d.getPairId());
            }
        });
        List<ClusterDiff> rows = new ArrayList<>();
        counts.forEach((c, n) -> rows.add(new ClusterDiff(
                c, n[0], n[1], added.getOrDefault(c, new TreeSet<>()), removed.getOrDefault(c, new TreeSet<>()))));
        return new RunDiff(runA, runB, a.size(), b.size(), List.copyOf(rows));
    }

    public long acceptedA() {
        return clusters.stream().mapToLong(ClusterDiff::acceptedA).sum();
    }

    public long acceptedB() {
        return clusters.stream().mapToLong(ClusterDiff::acceptedB).sum();
    }

    public long added() {
        return clusters.stream().mapToLong(c -> c.added().size()).sum();
    }

    public long removed() {
        return clusters.stream().mapToLong(c -> c.removed().size()).sum();
    }

    private static boolean accepted(Decision d) {
        return d != null && d.getOutcome() == Outcome.ACCEPTED;
    }

    private static String cluster(Decision d) {
        return d.getClusterId() == null ? "none" : Integer.toString(d.getClusterId());
    }
}
