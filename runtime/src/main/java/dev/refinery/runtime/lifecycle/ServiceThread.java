package dev.refinery.runtime.lifecycle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a service's loop on its own named platform thread. {@link #close} asks the loop to stop, waits for it up to
 * {@code joinTimeout}, then closes the service's resources; it is idempotent.
 */
public final class ServiceThread implements AutoCloseable {
    private final Thread thread;
    private final Runnable stop;
    private final Resources resources;
    private final Duration joinTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    public ServiceThread(String name, Runnable loop, Runnable stop, Resources resources, Duration joinTimeout) {
        this.stop = stop;
        this.resources = resources;
        this.joinTimeout = joinTimeout;
        this.thread = Thread.ofPlatform().name(name).start(loop);
    }

    /** Blocks until the loop returns. */
    public void await() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop.run();
        try {
            thread.join(joinTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        resources.close();
    }
}
