package dev.refinery.runtime;

import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.testkit.Infra;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads a whole topic as a read_committed consumer sees it. */
public final class TopicReader {
    private TopicReader() {}

    public static <V> List<ConsumerRecord<String, V>> readAll(Infra infra, String topic, Deserializer<V> values) {
        return TopicScan.readAll(
                Map.of("bootstrap.servers", infra.bootstrapServers()), topic, values, Duration.ofSeconds(30));
    }
}
