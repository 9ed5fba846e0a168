package dev.refinery.selector.replay;

/**
 * What a replay did.
 *
 * @param read input records replayed
 * @param decided decisions made (one per pair)
 * @param accepted decisions that accepted the pair
 * @param lateRewrites rewrites dropped because their pair was decided already or never waited for one
 * @param timedOutAtEnd originals still waiting for a rewrite at the end of the range, decided on the original
 */
public record ReplayCounts(long read, long decided, long accepted, long lateRewrites, long timedOutAtEnd) {}
