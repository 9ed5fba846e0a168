package dev.refinery.bench;

import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroSerde;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.SelectorService;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.sink.SinkConfig;
import dev.refinery.selector.sink.SinkService;
import dev.refinery.testkit.EmbeddedInfra;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Selector and sink throughput on the embedded servers, each against a baseline in the same run. Selector: decisions/s
 * of the selector topology (exactly_once_v2, proportional policy, 10 clusters) against a pass-through Streams
 * topology with the same serdes and guarantee reading the same topic and writing one output. Sink: MB/s of tar shards
 * written by the curated sink (image fetch, tar, multipart upload, index, commit) against raw multipart uploads of
 * the same number of bytes in shards of the same size.
 */
final class SelectorBench {
    private SelectorBench() {}

    static void run(int pairs) throws Exception {
        Path home = Files.createTempDirectory("selector-bench");
        try (EmbeddedInfra infra = EmbeddedInfra.start(home.resolve("infra"), null, 0, 0)) {
            PlatformConfig platform = TestPlatforms.create(infra);
            List<byte[]> images = BenchImages.jpegs(50, 40);
            BenchScoredPairs.publish(infra, platform, pairs, images);
            Map<String, Object> kafka = new HashMap<>(infra.clientProperties());

            double passSeconds = passThrough(platform, kafka, home, pairs);
            SelectorConfig config = SelectorConfig.fromEnv(Env.of(Map.of(
                    "REFINERY_RUN_ID",
                    "bench",
                    "REFINERY_SELECTOR_STATE_DIR",
                    home.resolve("selector").toString())));
            long start = System.nanoTime();
            try (SelectorService selector =
                    SelectorService.start(platform, config, Map.of(), new SimpleMeterRegistry())) {
                awaitConsumed(kafka, config.applicationId(), platform.topics().pairsScored());
                System.out.println("selector state: " + selector.streams().state());
            }
            double selectorSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "selector: %,d pairs in %.2f s = %,.0f decisions/s; pass-through Streams topology %.2f s ="
                            + " %,.0f records/s; ratio %.3f%n",
                    pairs,
                    selectorSeconds,
                    pairs / selectorSeconds,
                    passSeconds,
                    pairs / passSeconds,
                    passSeconds / selectorSeconds);
            sink(platform, kafka, home);
        }
    }

    private static void sink(PlatformConfig platform, Map<String, Object> kafka, Path home) throws Exception {
        SinkConfig config = SinkConfig.fromEnv(Env.of(Map.of(
                "REFINERY_RUN_ID", "bench",
                "REFINERY_SINK_SHARD_MAX_RECORDS", "500",
                "REFINERY_SINK_SHARD_MAX_AGE_MS", "1000",
                "REFINERY_SINK_SPOOL_DIR", home.resolve("spool").toString())));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        long start = System.nanoTime();
        try (SinkService sink = SinkService.start(platform, config, Map.of(), meters, null)) {
            awaitConsumed(kafka, config.groupId(), platform.topics().pairsCurated());
            if (sink.sink().failure() != null) {
                throw new IllegalStateException("sink failed", sink.sink().failure());
            }
        }
        double sinkSeconds = (System.nanoTime() - start) / 1e9;
        double bytes = meters.get("refinery.sink.bytes").counter().count();
        double shards = meters.get("refinery.sink.shards").counter().count();
        long shardBytes = (long) (bytes / shards);
        byte[] payload = new byte[(int) shardBytes];
        new Random(3).nextBytes(payload);
        start = System.nanoTime();
        try (ObjectStore objects = ObjectStore.create(platform.s3())) {
            for (int i = 0; i < shards; i++) {
                objects.upload(
                        "raw-bench/" + i + ".tar",
                        new ByteArrayInputStream(payload),
                        payload.length,
                        "application/x-tar");
            }
        }
        double rawSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "sink: %.0f shards, %.1f MB in %.2f s = %.1f MB/s; raw multipart upload of the same bytes %.2f s ="
                        + " %.1f MB/s; ratio %.3f%n",
                shards,
                bytes / 1e6,
                sinkSeconds,
                bytes / 1e6 / sinkSeconds,
                rawSeconds,
                bytes / 1e6 / rawSeconds,
                rawSeconds / sinkSeconds);
    }

    private static double passThrough(PlatformConfig platform, Map<String, Object> kafka, Path home, int pairs)
            throws Exception {
        var serde = new SpecificAvroSerde<ScoredPair>();
        serde.configure(kafka, false);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(platform.topics().pairsScored(), Consumed.with(Serdes.String(), serde))
                .to(platform.topics().pairsScored() + ".passthrough", Produced.with(Serdes.String(), serde));
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-passthrough");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, home.resolve("passthrough").toString());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(
                            platform.topics().pairsScored() + ".passthrough", 2, (short) 1)))
                    .all()
                    .get();
        }
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            awaitConsumed(kafka, "bench-passthrough", platform.topics().pairsScored());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until {@code group} has committed the end offset of every partition of {@code topic}. */
    private static void awaitConsumed(Map<String, Object> kafka, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            var partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                boolean done = latest.keySet().stream()
                        .allMatch(tp -> committed.get(tp) != null
                                && committed.get(tp).offset() >= ends.get(tp).offset());
                if (done) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(group + " did not consume " + topic + " within 10 minutes");
        }
    }
}
