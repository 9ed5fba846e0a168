package dev.refinery.runtime;

import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.testkit.Infra;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads a whole topic as a read_committed consumer sees it. */
public final class TopicReader {
    private TopicReader() {}

    public static <V> List<ConsumerRecord<String, V>> readAll(Infra infra, String topic, Deserializer<V> values) {
        return TopicScan.readAll(
                Map.of("bootstrap.servers", infra.bootstrapServers()), topic, values, Duration.ofSeconds(30));
    }

    /** The records of a whole topic of Avro events in the Confluent wire format, read with the infra's registry. */
    public static <T extends SpecificRecord> List<ConsumerRecord<String, T>> records(
            Infra infra, String topic, Class<T> type) {
        var values = new SpecificAvroDeserializer<T>();
        values.configure(
                Map.of(RegistryClientConfig.URL, infra.schemaRegistryUrl().toString()), false);
        return readAll(infra, topic, values);
    }

    /** The values of {@link #records}. */
    public static <T extends SpecificRecord> List<T> values(Infra infra, String topic, Class<T> type) {
        return records(infra, topic, type).stream().map(ConsumerRecord::value).toList();
    }
}
