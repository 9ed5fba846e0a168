package dev.refinery.runtime.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A schema registry call failed. Extends Kafka's {@link SerializationException} so that serializer callers (producers,
 * Streams deserialization handlers) treat it like any other serde failure.
 */
public class SchemaRegistryException extends SerializationException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.errorCode = -1;
    }

    /** HTTP status of the registry's answer, or -1 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code error_code} of the registry's error body, or -1 when there was none. */
    public int errorCode() {
        return errorCode;
    }
}
