package dev.refinery.ingest.http;

import java.util.concurrent.Semaphore;

/** Bounds the request bytes held in memory at once; a request that does not fit is answered 429, never queued. */
final class InFlightLimiter {
    private static final int KIB = 1024;
    private final Semaphore permits;
    private final int maxPermits;

    InFlightLimiter(long maxBytes) {
        this.maxPermits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxBytes / KIB));
        this.permits = new Semaphore(maxPermits);
    }

    /** Permits for {@code bytes}, or -1 when they are not available now. */
    int tryAcquire(long bytes) {
        int n = (int) Math.max(1, Math.min(maxPermits, (bytes + KIB - 1) / KIB));
        return permits.tryAcquire(n) ? n : -1;
    }

    void release(int n) {
        if (n > 0) {
            permits.release(n);
        }
    }

    long availableBytes() {
        return (long) permits.availablePermits() * KIB;
    }
}
