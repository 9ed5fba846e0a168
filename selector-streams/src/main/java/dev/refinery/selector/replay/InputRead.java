package dev.refinery.selector.replay;

import java.util.List;

/**
 * The replay's input as read: the records in replay order and how many could not be deserialized (the live
 * selector sent those to the DLQ; the replay skips them).
 */
public record InputRead(List<ScoredRecord> records, long unreadable) {}
