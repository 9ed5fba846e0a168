package dev.refinery.selector.run;

import java.util.SortedSet;

/**
 * One cluster's row of a run diff. A pair is counted in the cluster its run put it in: {@code added} under run B's
 * cluster, {@code removed} under run A's.
 *
 * @param cluster the cluster id, or {@code none}
 * @param acceptedA pairs run A accepted in this cluster
 * @param acceptedB pairs run B accepted in this cluster
 * @param added pairs B accepted here that A did not accept at all
 * @param removed pairs A accepted here that B did not accept at all
 */
public record ClusterDiff(
        String cluster, long acceptedA, long acceptedB, SortedSet<String> added, SortedSet<String> removed) {}
