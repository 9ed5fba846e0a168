package dev.refinery.bench;

import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.runtime.worker.TransactionalClients;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.RunStatus;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.SelectorService;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.replay.ReplayResult;
import dev.refinery.selector.replay.ReplaySettings;
import dev.refinery.selector.replay.ReplayStart;
import dev.refinery.selector.replay.Replayer;
import dev.refinery.testkit.EmbeddedInfra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code refinery replay} throughput on the embedded servers: pairs/s of {@link Replayer#run} (the built-in
 * proportional policy over the whole scored topic, from the call to its COMPLETED manifest) against, in the same run,
 * a raw {@code read_committed} read of the same topic with the same Avro deserializer followed by a transactional
 * produce of the replay's own output bytes (its decisions and curated pairs, same order, same topics' partition
 * counts, one transaction per {@value ReplaySettings#DEFAULT_PER_TRANSACTION} decisions). The ratio is what range
 * resolution, manifests, replay ordering, selection and Avro encoding of the outputs cost on top of moving the bytes.
 * An untimed replay under another run id warms the JIT and the clients first.
 */
final class ReplayBench {
    private static final String RUN = "bench";

    private ReplayBench() {}

    static void run(int pairs) throws Exception {
        Path home = Files.createTempDirectory("replay-bench");
        try (EmbeddedInfra infra = EmbeddedInfra.start(home.resolve("infra"), null, 0, 0)) {
            PlatformConfig platform = TestPlatforms.create(infra);
            BenchScoredPairs.publish(infra, platform, pairs, BenchImages.jpegs(50, 40));
            Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
            SelectionPolicy policy = SelectorService.defaultPolicy();
            ReplayResult result;
            double replaySeconds;
            try (ObjectStore objects = ObjectStore.create(platform.s3())) {
                Replayer.run(platform, kafka, settings(platform, policy, RUN + "-warmup"), objects);
                long start = System.nanoTime();
                result = Replayer.run(platform, kafka, settings(platform, policy, RUN), objects);
                replaySeconds = (System.nanoTime() - start) / 1e9;
            }
            Output output = output(platform, kafka);
            double baselineSeconds = baseline(platform, kafka, output);
            var c = result.counts();
            System.out.printf(
                    Locale.ROOT,
                    "%npolicy %s (%s), %,d scored pairs in %s (%d partitions)%n",
                    policy.name(),
                    policy.hash().substring(0, 12),
                    pairs,
                    platform.topics().pairsScored(),
                    result.manifest().getInput().size());
            System.out.printf(
                    Locale.ROOT,
                    "output: %,d decisions + %,d curated pairs, %.1f MB%n",
                    output.decisions().size(),
                    output.curatedCount(),
                    output.bytes() / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "raw read_committed read + transactional produce of the same bytes %6.2f s = %,8.0f pairs/s%n",
                    baselineSeconds,
                    pairs / baselineSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "replay (start to COMPLETED manifest)                              %6.2f s = %,8.0f pairs/s"
                            + "   ratio %.3f%n",
                    replaySeconds,
                    pairs / replaySeconds,
                    baselineSeconds / replaySeconds);
            boolean ok = result.manifest().getStatus() == RunStatus.COMPLETED
                    && c.read() == pairs
                    && c.decided() == pairs
                    && output.decisions().size() == pairs
                    && output.curatedCount() == c.accepted();
            System.out.printf(
                    Locale.ROOT,
                    "check: manifest %s, read %d, decided %d, accepted %d, run %s decisions in %s %d: %s%n",
                    result.manifest().getStatus(),
                    c.read(),
                    c.decided(),
                    c.accepted(),
                    RUN,
                    platform.topics().pairsDecisions(),
                    output.decisions().size(),
                    ok ? "OK (= PAIRS)" : "MISMATCH");
            if (!ok) {
                throw new IllegalStateException("replay did not decide every pair exactly once");
            }
        }
    }

    private static ReplaySettings settings(PlatformConfig platform, SelectionPolicy policy, String runId) {
        SelectorConfig selector = SelectorConfig.fromEnv(Env.of(Map.of()));
        return new ReplaySettings(
                runId,
                null,
                policy,
                platform.topics().pairsScored(),
                new ReplayStart.Earliest(),
                selector.shardsPerCluster(),
                selector.rewriteWait(),
                ReplaySettings.DEFAULT_PER_TRANSACTION);
    }

    /** The timed run's output as written: decision values in log order, and the curated value of each accepted one. */
    private record Output(List<ConsumerRecord<String, byte[]>> decisions, Map<String, byte[]> curated) {
        int curatedCount() {
            return curated.size();
        }

        long bytes() {
            long sum = 0;
            for (ConsumerRecord<String, byte[]> d : decisions) {
                sum += d.value().length;
            }
            for (byte[] v : curated.values()) {
                sum += v.length;
            }
            return sum;
        }
    }

    /** Reads the run's decisions and curated pairs back (the warm-up run's are in the same topics, told by run id). */
    private static Output output(PlatformConfig platform, Map<String, Object> kafka) throws Exception {
        var registry = new SchemaRegistryClient(RegistryClientConfig.fromMap(kafka));
        var decisionReader = new SpecificAvroDeserializer<>(registry, Decision.class);
        decisionReader.configure(kafka, false);
        var curatedReader = new SpecificAvroDeserializer<>(registry, CuratedPair.class);
        curatedReader.configure(kafka, false);
        Duration timeout = Duration.ofMinutes(2);
        String decisionsTopic = platform.topics().pairsDecisions();
        List<ConsumerRecord<String, byte[]>> decisions = new ArrayList<>();
        for (var r : TopicScan.readAll(kafka, decisionsTopic, new ByteArrayDeserializer(), timeout)) {
            if (decisionReader.deserialize(decisionsTopic, r.value()).getRunId().equals(RUN)) {
                decisions.add(r);
            }
        }
        String curatedTopic = platform.topics().pairsCurated();
        Map<String, byte[]> curated = new HashMap<>();
        for (var r : TopicScan.readAll(kafka, curatedTopic, new ByteArrayDeserializer(), timeout)) {
            CuratedPair pair = curatedReader.deserialize(curatedTopic, r.value());
            if (pair.getDecision().getRunId().equals(RUN)) {
                curated.put(pair.getDecision().getPairId(), r.value());
            }
        }
        return new Output(decisions, curated);
    }

    /**
     * Reads the scored topic as the replay does ({@code read_committed}, no group, the same Avro deserializer with a
     * fresh registry client), then produces the replay's output bytes to two new topics shaped like the decisions and
     * curated topics, in transactions of the same size; returns the seconds taken.
     */
    private static double baseline(PlatformConfig platform, Map<String, Object> kafka, Output output) throws Exception {
        String decisionsCopy = platform.topics().pairsDecisions() + ".baseline";
        String curatedCopy = platform.topics().pairsCurated() + ".baseline";
        try (Admin admin = Admin.create(kafka)) {
            var described = admin.describeTopics(List.of(
                            platform.topics().pairsDecisions(),
                            platform.topics().pairsCurated()))
                    .allTopicNames()
                    .get();
            admin.createTopics(List.of(
                            new NewTopic(
                                    decisionsCopy,
                                    described
                                            .get(platform.topics().pairsDecisions())
                                            .partitions()
                                            .size(),
                                    (short) 1),
                            new NewTopic(
                                    curatedCopy,
                                    described
                                            .get(platform.topics().pairsCurated())
                                            .partitions()
                                            .size(),
                                    (short) 1)))
                    .all()
                    .get();
        }
        long start = System.nanoTime();
        var registry = new SchemaRegistryClient(RegistryClientConfig.fromMap(kafka));
        var scored = new SpecificAvroDeserializer<>(registry, ScoredPair.class);
        scored.configure(kafka, false);
        List<ConsumerRecord<String, ScoredPair>> input =
                TopicScan.readAll(kafka, platform.topics().pairsScored(), scored, Duration.ofMinutes(2));
        if (input.size() != output.decisions().size()) {
            throw new IllegalStateException("baseline read " + input.size() + " records");
        }
        try (var producer = TransactionalClients.producer(kafka, "bench-replay-baseline")) {
            producer.initTransactions();
            int open = 0;
            for (ConsumerRecord<String, byte[]> d : output.decisions()) {
                if (open == 0) {
                    producer.beginTransaction();
                }
                producer.send(new ProducerRecord<>(decisionsCopy, null, d.timestamp(), d.key(), d.value()));
                byte[] curated = output.curated().get(d.key());
                if (curated != null) {
                    producer.send(new ProducerRecord<>(curatedCopy, null, d.timestamp(), d.key(), curated));
                }
                if (++open >= ReplaySettings.DEFAULT_PER_TRANSACTION) {
                    producer.commitTransaction();
                    open = 0;
                }
            }
            if (open > 0) {
                producer.commitTransaction();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
