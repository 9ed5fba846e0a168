package dev.refinery.selector.run;

import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.schemas.RunManifest;
import dev.refinery.schemas.RunStatus;
import dev.refinery.schemas.TopicRange;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.sink.ShardNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a run's {@link RunManifest}: to the compacted {@code runs} topic (keyed by run id) and as
 * {@code curated/<run>/manifest.json} next to the shards. The input range starts at the application's committed
 * offsets of {@code pairs.scored} (the log start where none are committed yet); its end stays open while the run is
 * live. A replay's manifest ({@link #manifest}) names its parent run, its closed input ranges and start timestamp.
 */
public final class RunManifests {
    private RunManifests() {}

    public static RunManifest publish(
            PlatformConfig platform,
            Map<String, Object> kafka,
            String runId,
            String applicationId,
            SelectionPolicy policy,
            ObjectStore objects)
            throws ExecutionException, InterruptedException {
        RunManifest manifest = manifest(
                runId,
                null,
                RunStatus.RUNNING,
                policy,
                applicationId,
                inputRanges(kafka, platform.topics().pairsScored(), applicationId),
                null,
                objects.uri(ShardNames.runPrefix(runId)),
                Instant.now());
        write(platform, kafka, manifest, objects);
        return manifest;
    }

    /**
     * A manifest without model versions or cluster set (set them on a copy where known).
     *
     * @param input the ranges read; end offsets null while the run is live
     * @param fromTimestamp the start timestamp of a replay that started from one, else null
     */
    public static RunManifest manifest(
            String runId,
            String parentRunId,
            RunStatus status,
            SelectionPolicy policy,
            String applicationId,
            List<TopicRange> input,
            Instant fromTimestamp,
            String outputPrefix,
            Instant createdAt) {
        return RunManifest.newBuilder()
                .setRunId(runId)
                .setParentRunId(parentRunId)
                .setStatus(status)
                .setPolicyName(policy.name())
                .setPolicyHash(policy.hash())
                .setPolicyDocument(policy.canonicalJson())
                .setClusterSetVersion(null)
                .setModelVersions(Map.of())
                .setApplicationId(applicationId)
                .setInput(input)
                .setFromTimestamp(fromTimestamp)
                .setOutputPrefix(outputPrefix)
                .setCreatedAt(createdAt)
                .setUpdatedAt(Instant.now())
                .build();
    }

    /** Writes {@code manifest} to the {@code runs} topic (keyed by run id) and {@code curated/<run>/manifest.json}. */
    public static void write(
            PlatformConfig platform, Map<String, Object> kafka, RunManifest manifest, ObjectStore objects)
            throws ExecutionException, InterruptedException {
        var serializer = new SpecificAvroSerializer<RunManifest>();
        serializer.configure(kafka, false);
        String topic = platform.topics().runs();
        String runId = manifest.getRunId();
        try (var producer = new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, runId, serializer.serialize(topic, manifest)))
                    .get();
        }
        objects.ensureBucket();
        objects.put(
                ShardNames.runPrefix(runId) + "manifest.json",
                manifest.toString().getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    private static List<TopicRange> inputRanges(Map<String, Object> kafka, String topic, String group)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(kafka)) {
            var description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> earliest = description.partitions().stream()
                    .collect(Collectors.toMap(
                            p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.earliest()));
            var starts = admin.listOffsets(earliest).all().get();
            List<TopicRange> ranges = new ArrayList<>();
            for (TopicPartition tp : earliest.keySet().stream()
                    .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                    .toList()) {
                OffsetAndMetadata c = committed.get(tp);
                long start = c != null ? c.offset() : starts.get(tp).offset();
                ranges.add(new TopicRange(topic, tp.partition(), start, null));
            }
            return ranges;
        }
    }
}
