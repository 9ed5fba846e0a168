package dev.refinery.selector.replay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The replay's total order over the input: record timestamp, then partition, then offset. It depends only on the
 * records, never on the order in which partitions were read, so a replay of the same ranges sees the same sequence.
 */
public final class ReplayOrder {
    public static final Comparator<ScoredRecord> ORDER = Comparator.comparingLong(ScoredRecord::timestamp)
            .thenComparingInt(ScoredRecord::partition)
            .thenComparingLong(ScoredRecord::offset);

    private ReplayOrder() {}

    /** Merges the records of several partitions, given in any order, into the replay order. */
    public static List<ScoredRecord> merge(Collection<? extends Collection<ScoredRecord>> partitions) {
        List<ScoredRecord> all = new ArrayList<>();
        partitions.forEach(all::addAll);
        all.sort(ORDER);
        return all;
    }
}
