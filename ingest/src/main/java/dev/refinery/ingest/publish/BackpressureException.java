package dev.refinery.ingest.publish;

/** Ingest is at capacity; the caller should retry later (HTTP 429 with Retry-After). */
public class BackpressureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackpressureException(String message) {
        super(message);
    }
}
