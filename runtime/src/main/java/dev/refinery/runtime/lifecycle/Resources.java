package dev.refinery.runtime.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service opened, closed in reverse order once; a failure to close one is logged and the rest still close.
 * Services register each resource right after opening it, so a failed start closes exactly what was opened.
 */
public final class Resources implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Resources.class);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private boolean closed;

    /** Registers {@code resource} and returns it. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        opened.add(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                log.warn("Error while closing {}: {}", opened.get(i), e.toString());
            }
        }
    }
}
