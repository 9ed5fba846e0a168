package dev.refinery.runtime.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A record does not start with the Confluent wire format's magic byte 0. */
public class UnknownMagicByteException extends SerializationException {
    private static final long serialVersionUID = 1L;

    public UnknownMagicByteException(String message) {
        super(message);
    }
}
