package dev.refinery.ingest.validate;

/**
 * An input that ingest refuses: bad image, bad caption, failed download. Carries a machine-readable reason code
 * (e.g. {@code image.decompression_bomb}) that becomes the DLQ record's reason and the HTTP result's reason, and a
 * human-readable message. Thrown for per-input failures only; infrastructure failures are other exceptions.
 */
public class RejectedInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public RejectedInputException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectedInputException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Machine-readable reason code, {@code <area>.<what>}. */
    public String reason() {
        return reason;
    }
}
