package dev.refinery.selector.replay;

import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.schemas.TopicRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves and reads a replay's input ranges without a consumer group. A range ends at the partition's last stable
 * offset when the replay starts (a {@code read_committed} consumer's end offset), so data arriving during the replay,
 * and open transactions, are left out.
 */
public final class ReplayInput {
    private static final Logger log = LoggerFactory.getLogger(ReplayInput.class);
    private static final Duration STALL = Duration.ofMinutes(2);

    private ReplayInput() {}

    /** Every partition of {@code topic}, from {@code start} to the current end, sorted by partition. */
    public static List<TopicRange> ranges(Map<String, Object> kafka, String topic, ReplayStart start)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(kafka);
                var consumer = consumer(kafka)) {
            List<TopicPartition> partitions =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .sorted(Comparator.comparingInt(TopicPartition::partition))
                            .toList();
            Map<TopicPartition, Long> earliest = offsets(admin, partitions, p -> OffsetSpec.earliest());
            consumer.assign(partitions); // read_committed end offsets (the LSO) of assigned partitions
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> from =
                    switch (start) {
                        case ReplayStart.Earliest e -> earliest;
                        case ReplayStart.FromTimestamp f ->
                            offsets(
                                    admin,
                                    partitions,
                                    p -> OffsetSpec.forTimestamp(f.from().toEpochMilli()));
                        case ReplayStart.LikeRun like ->
                            like.run().getInput().stream()
                                    .filter(r -> r.getTopic().equals(topic))
                                    .collect(Collectors.toMap(
                                            r -> new TopicPartition(topic, r.getPartition()),
                                            TopicRange::getStartOffset,
                                            (a, b) -> a));
                    };
            List<TopicRange> ranges = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                long last = end.get(tp);
                long first = from.getOrDefault(tp, earliest.get(tp));
                if (first < 0 || first > last) { // no record at or after the timestamp
                    first = last;
                }
                if (first < earliest.get(tp)) {
                    log.warn("{} offsets before {} are deleted; the replay starts there", tp, earliest.get(tp));
                    first = earliest.get(tp);
                }
                ranges.add(new TopicRange(topic, tp.partition(), first, last));
            }
            return ranges;
        }
    }

    /** Reads {@code ranges} ({@code read_committed}) and merges them in replay order. */
    public static InputRead read(Map<String, Object> kafka, List<TopicRange> ranges, Deserializer<ScoredPair> values) {
        Map<TopicPartition, TopicRange> todo = new HashMap<>();
        ranges.stream()
                .filter(r -> r.getEndOffset() > r.getStartOffset())
                .forEach(r -> todo.put(new TopicPartition(r.getTopic(), r.getPartition()), r));
        List<List<ScoredRecord>> partitions = new ArrayList<>();
        long unreadable = 0;
        try (var consumer = consumer(kafka)) {
            consumer.assign(todo.keySet());
            todo.forEach((tp, r) -> consumer.seek(tp, r.getStartOffset()));
            Map<TopicPartition, List<ScoredRecord>> read = new HashMap<>();
            long lastProgress = System.nanoTime();
            while (todo.keySet().stream()
                    .anyMatch(tp -> consumer.position(tp) < todo.get(tp).getEndOffset())) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException("replay input not read to its end: no records for " + STALL);
                }
                for (ConsumerRecord<String, byte[]> r : batch) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= todo.get(tp).getEndOffset()) {
                        continue;
                    }
                    try {
                        ScoredPair pair = values.deserialize(r.topic(), r.value());
                        read.computeIfAbsent(tp, k -> new ArrayList<>())
                                .add(new ScoredRecord(pair, r.timestamp(), r.partition(), r.offset()));
                    } catch (RuntimeException e) {
                        unreadable++;
                        log.warn("Skipping unreadable record {}@{}: {}", tp, r.offset(), e.toString());
                    }
                }
            }
            partitions.addAll(read.values());
        }
        return new InputRead(ReplayOrder.merge(partitions), unreadable);
    }

    private static Map<TopicPartition, Long> offsets(
            Admin admin, List<TopicPartition> partitions, Function<TopicPartition, OffsetSpec> spec)
            throws ExecutionException, InterruptedException {
        var request = partitions.stream().collect(Collectors.toMap(p -> p, spec));
        var result = admin.listOffsets(request).all().get();
        return result.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> kafka) {
        Map<String, Object> props = TopicScan.readerProperties(kafka);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
