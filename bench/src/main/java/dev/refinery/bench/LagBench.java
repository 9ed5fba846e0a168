package dev.refinery.bench;

import dev.refinery.cli.monitor.LagProbe;
import dev.refinery.cli.monitor.PartitionLag;
import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.testkit.EmbeddedInfra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code refinery lag} probe rate on the embedded servers: full probes/s of {@link LagProbe#all()} (one probe = lag in
 * records and seconds of every consumer group, topic and partition; one {@code LagProbe} reused, as the monitor server
 * does) against, in the same run and with an {@link Admin} made from the same client settings
 * ({@link PlatformConfig#kafkaClientProperties()}, what {@code refinery lag} uses), the Admin calls a probe cannot
 * avoid: {@code listGroups} (consumer groups), one batched {@code listConsumerGroupOffsets} for all of them, and one
 * {@code listOffsets(latest)} for the union of their partitions, then end minus committed per row.
 *
 * <p>Setup: {@value #TOPICS} topics of PARTITIONS partitions, {@value #RECORDS} records each with create timestamps
 * ten minutes old; GROUPS groups, group {@code g} committed on every partition of topics {@code g % 3} and
 * {@code (g + 1) % 3} at a random offset below the end, so every row lags and its seconds figure needs the record at
 * the committed offset.
 *
 * <p>Fairness: {@code LagProbe} only offers whole probes ({@code all()}/{@code of(groups)}), owns its Admin and
 * consumer, batches its Admin calls like the baseline, and then reads the oldest waiting record of every lagging
 * partition, group by group (two groups can wait at different offsets of one partition), for the seconds figure. The
 * baseline does no such read (it is not an Admin call and no Admin call gives a record's timestamp), so the ratio is
 * what the seconds figure costs over the bare records figure. For scale, a third line times the same Admin calls made
 * one group at a time ({@code listConsumerGroupOffsets} then {@code listOffsets} per group, as {@code LagProbe} did
 * before it batched them) without the record reads. Each of the three is warmed up
 * untimed, then timed in {@value #ROUNDS} interleaved rounds of {@value #ROUND_SECONDS} s; latency is per probe.
 */
final class LagBench {
    private static final int TOPICS = 3;
    private static final int RECORDS = 100;
    private static final int ROUNDS = 3;
    private static final int ROUND_SECONDS = 3;
    private static final double WARMUP_SECONDS = 2;

    private LagBench() {}

    /** One way of getting every row's lag in records, as (group, topic, partition) to lag. */
    private interface Probe {
        Map<String, Long> lags() throws Exception;
    }

    static void run(int groups, int partitions) throws Exception {
        Path home = Files.createTempDirectory("lag-bench");
        try (EmbeddedInfra infra = EmbeddedInfra.start(home.resolve("infra"), null, 0, 0)) {
            PlatformConfig platform = TestPlatforms.create(infra);
            Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
            long base = System.currentTimeMillis() - 600_000;
            Map<String, Long> expected = setUp(kafka, groups, partitions, base);

            try (LagProbe lagProbe = new LagProbe(kafka, Clock.systemUTC());
                    Admin admin = Admin.create(kafka)) {
                List<List<PartitionLag>> lastProbe = new ArrayList<>(List.of(List.of()));
                long[] probeWindow = new long[2];
                Probe probe = () -> {
                    long before = System.currentTimeMillis();
                    List<PartitionLag> rows = lagProbe.all();
                    probeWindow[0] = before;
                    probeWindow[1] = System.currentTimeMillis();
                    lastProbe.set(0, rows);
                    Map<String, Long> out = new TreeMap<>();
                    rows.forEach(r -> out.put(key(r.group(), r.topic(), r.partition()), r.lag()));
                    return out;
                };
                Probe batched = () -> batchedAdmin(admin);
                Probe perGroup = () -> perGroupAdmin(admin);

                String[] names = {
                    "baseline: raw Admin calls, batched (listGroups + listConsumerGroupOffsets + listOffsets)",
                    "for scale: same Admin calls one group at a time (no record reads)",
                    "LagProbe.all() (records and seconds)"
                };
                Probe[] probes = {batched, perGroup, probe};
                List<List<Long>> latencies = new ArrayList<>();
                double[] seconds = new double[probes.length];
                for (Probe p : probes) {
                    latencies.add(new ArrayList<>());
                    time(p, WARMUP_SECONDS, new ArrayList<>());
                }
                for (int round = 0; round < ROUNDS; round++) {
                    for (int i = 0; i < probes.length; i++) {
                        seconds[i] += time(probes[i], ROUND_SECONDS, latencies.get(i));
                    }
                }

                int rows = expected.size();
                System.out.printf(
                        Locale.ROOT,
                        "%n%d consumer groups x %d topics x %d partitions = %d lagging rows (%d distinct partitions,"
                                + " %d records each); %d rounds of %d s each, interleaved%n",
                        groups,
                        2,
                        partitions,
                        rows,
                        TOPICS * partitions,
                        RECORDS,
                        ROUNDS,
                        ROUND_SECONDS);
                double baselineRate = latencies.get(0).size() / seconds[0];
                System.out.printf(
                        Locale.ROOT,
                        "%-88s %9s %9s %9s %9s %9s%n",
                        "",
                        "probes/s",
                        "p50 ms",
                        "p99 ms",
                        "max ms",
                        "ratio");
                for (int i = 0; i < probes.length; i++) {
                    double rate = latencies.get(i).size() / seconds[i];
                    long[] sorted =
                            latencies.get(i).stream().mapToLong(Long::longValue).toArray();
                    Arrays.sort(sorted);
                    System.out.printf(
                            Locale.ROOT,
                            "%-88s %9.2f %9.2f %9.2f %9.2f %9.3g%n",
                            names[i],
                            rate,
                            percentile(sorted, 0.50) / 1e6,
                            percentile(sorted, 0.99) / 1e6,
                            sorted[sorted.length - 1] / 1e6,
                            rate / baselineRate);
                }

                check(expected, batched.lags(), perGroup.lags(), probe.lags(), lastProbe.get(0), probeWindow, base);
            }
        }
    }

    /**
     * Creates the topics, writes {@value #RECORDS} records to each partition (record at offset k stamped
     * {@code base + k s}), commits every group's offsets and returns the expected lag per row.
     */
    private static Map<String, Long> setUp(Map<String, Object> kafka, int groups, int partitions, long base)
            throws Exception {
        List<String> topics = new ArrayList<>();
        for (int t = 0; t < TOPICS; t++) {
            topics.add("bench.lag." + t);
        }
        try (Admin admin = Admin.create(kafka)) {
            List<NewTopic> specs = new ArrayList<>();
            topics.forEach(t -> specs.add(new NewTopic(t, partitions, (short) 1)));
            admin.createTopics(specs).all().get();
            awaitLeaders(admin, topics, partitions);
        }
        // One batch in flight per partition and no idempotence: right after topic creation the embedded broker has
        // answered idempotent batches with OUT_OF_ORDER_SEQUENCE_NUMBER and left gaps; the ends are checked below.
        Map<String, Object> producerProps = new HashMap<>(kafka);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        producerProps.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        byte[] value = new byte[200];
        try (var producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String topic : topics) {
                for (int p = 0; p < partitions; p++) {
                    for (int k = 0; k < RECORDS; k++) {
                        sent.add(producer.send(new ProducerRecord<>(topic, p, base + k * 1000L, null, value)));
                    }
                }
            }
            for (Future<RecordMetadata> f : sent) {
                RecordMetadata m = f.get();
                if (m.timestamp() != base + m.offset() * 1000L) {
                    throw new IllegalStateException("record at " + m + " has timestamp " + m.timestamp());
                }
            }
        }
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.forEach(t -> {
                for (int p = 0; p < partitions; p++) {
                    latest.put(new TopicPartition(t, p), OffsetSpec.latest());
                }
            });
            admin.listOffsets(latest).all().get().forEach((tp, end) -> {
                if (end.offset() != RECORDS) {
                    throw new IllegalStateException(tp + " ends at " + end.offset() + ", not " + RECORDS);
                }
            });
        }
        Random random = new Random(11);
        Map<String, Long> expected = new TreeMap<>();
        for (int g = 0; g < groups; g++) {
            String group = String.format(Locale.ROOT, "bench-lag-group-%03d", g);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (String topic : List.of(topics.get(g % TOPICS), topics.get((g + 1) % TOPICS))) {
                for (int p = 0; p < partitions; p++) {
                    long committed = random.nextInt(RECORDS);
                    offsets.put(new TopicPartition(topic, p), new OffsetAndMetadata(committed));
                    expected.put(key(group, topic, p), RECORDS - committed);
                }
            }
            Map<String, Object> consumerProps = new HashMap<>(kafka);
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (var consumer =
                    new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.commitSync(offsets);
            }
        }
        return expected;
    }

    /** Waits until every partition of {@code topics} has a leader. */
    private static void awaitLeaders(Admin admin, List<String> topics, int partitions) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Object described;
            try {
                var topicDescriptions =
                        admin.describeTopics(topics).allTopicNames().get();
                described = topicDescriptions;
                boolean ready = topicDescriptions.values().stream()
                        .allMatch(d -> d.partitions().size() == partitions
                                && d.partitions().stream()
                                        .allMatch(p -> p.leader() != null
                                                && !p.leader().isEmpty()));
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                described = e.getCause();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics without leaders after 60 s: " + described);
            }
            Thread.sleep(50);
        }
    }

    /** The calls a probe cannot avoid, batched: consumer groups, all their committed offsets, their partitions' ends. */
    private static Map<String, Long> batchedAdmin(Admin admin) throws Exception {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        for (GroupListing g :
                admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            specs.put(g.groupId(), new ListConsumerGroupOffsetsSpec());
        }
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                admin.listConsumerGroupOffsets(specs).all().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed
                .values()
                .forEach(m -> m.forEach((tp, o) -> {
                    if (o != null) {
                        latest.put(tp, OffsetSpec.latest());
                    }
                }));
        Map<TopicPartition, ListOffsetsResultInfo> ends =
                latest.isEmpty() ? Map.of() : admin.listOffsets(latest).all().get();
        Map<String, Long> out = new TreeMap<>();
        committed.forEach((group, m) -> m.forEach((tp, o) -> {
            if (o != null) {
                out.put(key(group, tp.topic(), tp.partition()), ends.get(tp).offset() - o.offset());
            }
        }));
        return out;
    }

    /** The same Admin calls one group at a time: per group, its committed offsets, then those partitions' ends. */
    private static Map<String, Long> perGroupAdmin(Admin admin) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (GroupListing g :
                admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(g.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get());
            committed.values().removeIf(o -> o == null);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            committed.forEach((tp, o) -> out.put(
                    key(g.groupId(), tp.topic(), tp.partition()), ends.get(tp).offset() - o.offset()));
        }
        return out;
    }

    /** Runs {@code probe} back to back for about {@code seconds}; adds each probe's nanoseconds; returns the time. */
    private static double time(Probe probe, double seconds, List<Long> latencies) throws Exception {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long now = start;
        do {
            long t0 = now;
            if (probe.lags().isEmpty()) {
                throw new IllegalStateException("a probe found no lag");
            }
            now = System.nanoTime();
            latencies.add(now - t0);
        } while (now < deadline);
        return (now - start) / 1e9;
    }

    private static long percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String key(String group, String topic, int partition) {
        return group + " " + topic + " " + partition;
    }

    /**
     * Throws unless the probe's lag in records equals end minus committed from the raw calls (both orders) and what was
     * set up, row for row, and its seconds figure is the age of the record at the committed offset (stamped
     * {@code base + committed s}) as of the probe's run.
     */
    private static void check(
            Map<String, Long> expected,
            Map<String, Long> raw,
            Map<String, Long> rawPerGroup,
            Map<String, Long> probe,
            List<PartitionLag> rows,
            long[] probeWindow,
            long base) {
        int recordsWrong = 0;
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(raw.keySet());
        keys.addAll(probe.keySet());
        for (String k : keys) {
            Long p = probe.get(k);
            if (p == null || !p.equals(raw.get(k)) || !p.equals(rawPerGroup.get(k)) || !p.equals(expected.get(k))) {
                if (recordsWrong++ < 5) {
                    System.out.printf(
                            "  %s: probe %s, raw end-committed %s (per group %s), set up %s%n",
                            k, p, raw.get(k), rawPerGroup.get(k), expected.get(k));
                }
            }
        }
        int secondsWrong = 0;
        for (PartitionLag r : rows) {
            long stamp = base + r.committed() * 1000L;
            double low = (probeWindow[0] - stamp) / 1000.0 - 0.001;
            double high = (probeWindow[1] - stamp) / 1000.0 + 0.001;
            if (r.lagSeconds() < low || r.lagSeconds() > high) {
                if (secondsWrong++ < 5) {
                    System.out.printf(
                            Locale.ROOT,
                            "  %s %s %d: %.3f s, expected %.3f..%.3f s%n",
                            r.group(),
                            r.topic(),
                            r.partition(),
                            r.lagSeconds(),
                            low,
                            high);
                }
            }
        }
        long total = probe.values().stream().mapToLong(Long::longValue).sum();
        boolean ok = recordsWrong == 0 && secondsWrong == 0 && rows.size() == expected.size();
        System.out.printf(
                Locale.ROOT,
                "check: %d rows (set up %d, raw %d), total lag %,d records; lag-in-records = end - committed from the"
                        + " raw calls: %d mismatches; lag-in-seconds = age of the record at the committed offset: %d"
                        + " mismatches: %s%n",
                rows.size(),
                expected.size(),
                raw.size(),
                total,
                recordsWrong,
                secondsWrong,
                ok ? "OK" : "MISMATCH");
        if (!ok) {
            throw new IllegalStateException("LagProbe's figures disagree with the raw Admin calls or the set-up data");
        }
    }
}
