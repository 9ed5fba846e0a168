package dev.refinery.ingest.pipeline;

/** Object storage or Kafka failed: nothing of the batch was published; the caller may retry the whole batch. */
public class IngestUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IngestUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
