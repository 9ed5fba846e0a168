package dev.refinery.selector.serde;

import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.worker.DeadLetters;
import dev.refinery.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the selector cannot deserialize (wrong schema, unknown schema id, garbage) becomes a {@link DeadLetter} in
 * the DLQ topic, produced in the same transaction, and processing continues: never a crash loop, never a silent drop.
 * Configured by {@value #DLQ_TOPIC} and the registry settings in the Streams configuration.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    public static final String DLQ_TOPIC = "refinery.dlq.topic";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private SpecificAvroSerializer<DeadLetter> serializer;
    private String topic;

    @Override
    public void configure(Map<String, ?> configs) {
        topic = String.valueOf(configs.get(DLQ_TOPIC));
        serializer = new SpecificAvroSerializer<>();
        serializer.configure(configs, false);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
        if (record.topic().equals(topic)) {
            // A record in the DLQ itself (read to end rewrite waits early) is not ours to dead-letter again.
            log.warn(
                    "Undeserializable record {}-{}@{} in the DLQ skipped: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
            return Response.resume();
        }
        log.warn(
                "Undeserializable record {}-{}@{} sent to the DLQ: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                e.toString());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        var asConsumed = new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), key, record.value());
        DeadLetter letter = DeadLetters.of("selector", asConsumed, "serde.invalid_record", e);
        byte[] value = serializer.serialize(topic, letter);
        return Response.resume(List.of(new ProducerRecord<>(topic, record.key(), value)));
    }
}
