package dev.refinery.runtime.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic, from the beginning to the end offsets at the time of the call, as a {@code read_committed}
 * consumer sees it, without a consumer group. For summaries, run diffs and tests; not for large topics.
 */
public final class TopicScan {
    private TopicScan() {}

    /**
     * Settings of a consumer that reads by assignment without a group (none is set, nothing is committed) and sees
     * what {@code read_committed} consumers see.
     */
    public static Map<String, Object> readerProperties(Map<String, Object> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    public static <V> List<ConsumerRecord<String, V>> readAll(
            Map<String, Object> kafka, String topic, Deserializer<V> values, Duration timeout) {
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        scan(kafka, topic, values, timeout, out::add);
        return out;
    }

    /**
     * Hands the records of {@code topic}, from the beginning to the end offsets at the time of the call, to
     * {@code visitor} until it returns false (the rest is not read). {@code timeout} bounds the whole read (an
     * {@link IllegalStateException} when it runs out); null = no bound.
     */
    public static <V> void scan(
            Map<String, Object> kafka,
            String topic,
            Deserializer<V> values,
            Duration timeout,
            Predicate<ConsumerRecord<String, V>> visitor) {
        try (var consumer = new KafkaConsumer<>(readerProperties(kafka), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + topic + " not read to its end in " + timeout);
                }
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (!visitor.test(r)) {
                        return;
                    }
                }
            }
        }
    }
}
