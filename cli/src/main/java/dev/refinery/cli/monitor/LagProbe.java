package dev.refinery.cli.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumer lag of every consumer group (or the given ones), per topic and partition, in records and in seconds. The
 * records figure is Kafka's own definition (log end offset minus committed offset, like
 * {@code kafka-consumer-groups}); the seconds figure reads the record at the committed offset and takes its age.
 */
public final class LagProbe implements AutoCloseable {
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final Clock clock;

    public LagProbe(Map<String, Object> kafka, Clock clock) {
        this.admin = Admin.create(kafka);
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // Only the first record at each position is needed: answer fetches at once and keep them small. With the
        // default 500 ms wait a fetch parked at the broker delayed the next group's read (8 s a probe for 20 groups).
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        this.reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.clock = clock;
    }

    /** Lag of every consumer group the cluster knows (empty groups included), sorted by group, topic, partition. */
    public synchronized List<PartitionLag> all() throws ExecutionException, InterruptedException {
        List<String> groups = new ArrayList<>();
        for (GroupListing g :
                admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            groups.add(g.groupId());
        }
        return of(groups);
    }

    /** Committed offsets of every group in one request, end offsets of all their partitions in another. */
    public synchronized List<PartitionLag> of(List<String> groups) throws ExecutionException, InterruptedException {
        List<PartitionLag> out = new ArrayList<>();
        if (groups.isEmpty()) {
            return out;
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
        var offsets = admin.listConsumerGroupOffsets(specs);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    new HashMap<>(offsets.partitionsToOffsetAndMetadata(group).get());
            committed.values().removeIf(o -> o == null);
            byGroup.put(group, committed);
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        }
        var ends = latest.isEmpty()
                ? Map.<TopicPartition, ListOffsetsResultInfo>of()
                : admin.listOffsets(latest).all().get();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = byGroup.get(group);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, Long> waiting = new HashMap<>();
            committed.forEach((tp, o) -> {
                if (ends.get(tp).offset() > o.offset()) {
                    waiting.put(tp, o.offset());
                }
            });
            Map<TopicPartition, Long> oldest = oldestTimestamps(waiting);
            long now = clock.millis();
            committed.forEach((tp, o) -> {
                long end = ends.get(tp).offset();
                Long ts = oldest.get(tp);
                double seconds = ts == null ? 0.0 : Math.max(0, now - ts) / 1000.0;
                out.add(new PartitionLag(
                        group, tp.topic(), tp.partition(), o.offset(), end, end - o.offset(), seconds));
            });
        }
        out.sort(Comparator.comparing(PartitionLag::group)
                .thenComparing(PartitionLag::topic)
                .thenComparingInt(PartitionLag::partition));
        return out;
    }

    /** Timestamp of the first record at or after each position (none when only transaction markers remain). */
    private Map<TopicPartition, Long> oldestTimestamps(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, Long> found = new HashMap<>();
        if (positions.isEmpty()) {
            return found;
        }
        reader.assign(positions.keySet());
        positions.forEach(reader::seek);
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (found.size() < positions.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(200))) {
                found.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.timestamp());
            }
            reader.assignment().stream().filter(found::containsKey).forEach(tp -> reader.pause(List.of(tp)));
        }
        reader.unsubscribe();
        return found;
    }

    @Override
    public void close() {
        try {
            admin.close();
        } finally {
            reader.close();
        }
    }
}
