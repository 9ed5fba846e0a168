package dev.refinery.runtime.serde;

import dev.refinery.runtime.registry.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire format records into Avro specific records. The writer schema comes from the registry by id;
 * the reader schema is the generated class's (configured target type, or the class the writer schema names), so
 * records written with an older compatible schema resolve into the current class.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    private SchemaRegistryClient client;
    private AvroSerdeConfig config;
    private Class<T> targetType;
    private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For configuration by class name. */
    public SpecificAvroDeserializer() {}

    /** With a shared registry client and a fixed target type (may be null: chosen by the writer schema). */
    public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> targetType) {
        this.client = client;
        this.targetType = targetType;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.fromMap(configs, isKey);
        if (client == null) {
            client = new SchemaRegistryClient(config.registry());
        }
        if (targetType == null && config.targetType().isPresent()) {
            targetType = loadClass(config.targetType().get());
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("SpecificAvroDeserializer used before configure()");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.readSchemaId(buffer, topic);
        SpecificDatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
        try {
            BinaryDecoder decoder =
                    DecoderFactory.get().binaryDecoder(data, buffer.position(), buffer.remaining(), DECODER.get());
            DECODER.set(decoder);
            return reader.read(null, decoder);
        } catch (java.io.IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException(
                    "Cannot decode a record with schema id " + id + " from topic " + topic + ": " + e, e);
        }
    }

    private SpecificDatumReader<T> readerFor(int id) {
        Schema writer = client.getById(id);
        Schema reader = readerSchema(writer);
        return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
    }

    private Schema readerSchema(Schema writer) {
        if (targetType != null) {
            return SpecificData.get().getSchema(targetType);
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
            throw new SerializationException("No generated Avro class " + writer.getFullName()
                    + " on the classpath; set " + AvroSerdeConfig.VALUE_TYPE + " (or key type) to the target class");
        }
        return SpecificData.get().getSchema(generated);
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> loadClass(String name) {
        try {
            return (Class<T>) Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Avro target type " + name + " is not on the classpath", e);
        }
    }
}
