package dev.refinery.cli.monitor;

import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.schemas.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The last DLQ records (up to {@code perPartition} of each partition), newest first. */
final class RecentDeadLetters implements AutoCloseable {
    private final KafkaConsumer<String, DeadLetter> consumer;
    private final String topic;
    private final int perPartition;

    RecentDeadLetters(Map<String, Object> kafka, String topic, int perPartition) {
        Map<String, Object> props = TopicScan.readerProperties(kafka);
        var values = new SpecificAvroDeserializer<DeadLetter>();
        values.configure(kafka, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
        this.topic = topic;
        this.perPartition = perPartition;
    }

    synchronized List<DeadLetter> newest() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        partitions.forEach(tp -> consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - perPartition)));
        List<DeadLetter> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(100))) {
                if (r.value() != null) {
                    out.add(r.value());
                }
            }
        }
        out.sort(Comparator.comparing(DeadLetter::getFailedAt).reversed());
        return out;
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
