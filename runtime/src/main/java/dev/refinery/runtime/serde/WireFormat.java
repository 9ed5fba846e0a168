package dev.refinery.runtime.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte {@code 0}, the 4-byte big-endian schema id, then the Avro binary encoding.
 * Readable by Confluent, Karapace, Redpanda and Apicurio tooling.
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** Reads and checks the header; leaves {@code buffer} positioned at the Avro payload. */
    public static int readSchemaId(ByteBuffer buffer, String topic) {
        if (buffer.remaining() < HEADER_SIZE) {
            throw new UnknownMagicByteException("Record of " + buffer.remaining() + " bytes on topic " + topic
                    + " is too short for the Confluent wire format (magic byte + 4-byte schema id)");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new UnknownMagicByteException(String.format(
                    "Unknown magic byte 0x%02x on topic %s: not Confluent wire format (expected 0x00);"
                            + " was it written by another serializer?",
                    magic, topic));
        }
        return buffer.getInt();
    }

    /** Writes the header for {@code schemaId} into the first five bytes of {@code target}. */
    public static void writeHeader(byte[] target, int schemaId) {
        target[0] = MAGIC_BYTE;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }
}
