package dev.refinery.runtime.worker;

import java.time.Duration;

/** Receives the size and queue time (first record polled → batch cut) of every batch, for metrics. */
@FunctionalInterface
public interface BatchObserver {
    void batch(int size, Duration queueTime);
}
