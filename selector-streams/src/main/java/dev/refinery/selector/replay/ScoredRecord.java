package dev.refinery.selector.replay;

import dev.refinery.schemas.ScoredPair;

/**
 * One record of the replayed input: the scored pair (keyed by its pair id), its record timestamp in ms, and where it
 * was read from.
 */
public record ScoredRecord(ScoredPair pair, long timestamp, int partition, long offset) {}
