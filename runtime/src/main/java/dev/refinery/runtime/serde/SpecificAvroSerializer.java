package dev.refinery.runtime.serde;

import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro specific records in the Confluent wire format, registering (or looking up) the schema under the subject
 * the configured strategy names. Usable by class name: {@code value.serializer=}this class plus
 * {@code schema.registry.url}.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();

    private SchemaRegistryClient client;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<Schema, Writer> writers = new ConcurrentHashMap<>();

    /** Per record schema: the schema as registered, its datum writer, and its id per subject. */
    private record Writer(
            Schema registered, SpecificDatumWriter<SpecificRecord> datumWriter, Map<String, Integer> idBySubject) {}

    /** For configuration by class name; {@link #configure} creates the registry client. */
    public SpecificAvroSerializer() {}

    /** With a shared registry client; {@link #configure} still reads the serde settings. */
    public SpecificAvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.fromMap(configs, isKey);
        this.isKey = isKey;
        if (client == null) {
            client = new SchemaRegistryClient(config.registry());
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("SpecificAvroSerializer used before configure()");
        }
        Writer writer = writers.computeIfAbsent(
                data.getSchema(),
                s -> new Writer(
                        AvroSchemas.withoutJavaProperties(s), new SpecificDatumWriter<>(s), new ConcurrentHashMap<>()));
        int id = schemaId(topic, writer);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, ENCODER.get());
            ENCODER.set(encoder);
            writer.datumWriter().write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot encode " + data.getSchema().getFullName() + " for topic " + topic + ": " + e, e);
        }
        return out.toByteArray();
    }

    private int schemaId(String topic, Writer writer) {
        Schema schema = writer.registered();
        String subject = config.subjectNameStrategy().subject(topic, isKey, schema);
        // computeIfAbsent: concurrent first sends of one subject register the schema once
        return writer.idBySubject().computeIfAbsent(subject, s -> resolveId(s, schema));
    }

    private int resolveId(String subject, Schema schema) {
        if (config.autoRegister()) {
            return client.register(subject, schema);
        }
        return client.lookup(subject, schema)
                .orElseThrow(() -> new SchemaRegistryException(
                        "Schema " + schema.getFullName() + " is not registered under subject " + subject
                                + " and auto.register.schemas=false",
                        404,
                        40403))
                .id();
    }
}
