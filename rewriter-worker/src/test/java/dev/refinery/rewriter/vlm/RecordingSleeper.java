package dev.refinery.rewriter.vlm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that records the waits and returns at once (or throws when the thread is interrupted). */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        waits.add(duration);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
