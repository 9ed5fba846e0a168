package dev.refinery.rewriter.vlm;

import java.time.Duration;

/** Waits between attempts; tests replace it to record the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
