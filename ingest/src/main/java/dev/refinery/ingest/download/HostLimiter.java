package dev.refinery.ingest.download;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds concurrent exchanges per host name. A host's semaphore lives only while some thread holds or waits for one of
 * its permits, so crawling millions of hosts does not grow the map.
 */
final class HostLimiter {
    private final int permitsPerHost;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** A host's permits and the number of threads holding or waiting for one; users changes only under the map lock. */
    private static final class Slot {
        final Semaphore permits;
        int users;

        Slot(int permits) {
            this.permits = new Semaphore(permits, true);
        }
    }

    HostLimiter(int permitsPerHost) {
        this.permitsPerHost = permitsPerHost;
    }

    /** Blocks until a permit for {@code host} is free; pair with {@link #release}. */
    void acquire(String host) throws InterruptedException {
        Slot slot = slots.compute(host, (h, s) -> {
            Slot joined = s == null ? new Slot(permitsPerHost) : s;
            joined.users++;
            return joined;
        });
        try {
            slot.permits.acquire();
        } catch (InterruptedException e) {
            leave(host);
            throw e;
        }
    }

    void release(String host) {
        Slot slot = slots.get(host);
        if (slot == null) {
            throw new IllegalStateException("release without acquire for " + host);
        }
        slot.permits.release();
        leave(host);
    }

    /** Hosts with a permit held or awaited. */
    int trackedHosts() {
        return slots.size();
    }

    private void leave(String host) {
        slots.computeIfPresent(host, (h, s) -> --s.users == 0 ? null : s);
    }
}
