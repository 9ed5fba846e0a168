package dev.refinery.selector.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.topic.TopicAdmin;
import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.runtime.topic.TopicSpec;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Outcome;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.RunManifest;
import dev.refinery.schemas.RunStatus;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.schemas.TopicRange;
import dev.refinery.selector.policy.ScoredPairs;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.replay.ReplayInput;
import dev.refinery.selector.replay.ReplayResult;
import dev.refinery.selector.replay.ReplaySettings;
import dev.refinery.selector.replay.ReplayStart;
import dev.refinery.selector.replay.Replayer;
import dev.refinery.selector.run.ClusterDiff;
import dev.refinery.selector.run.RunCatalog;
import dev.refinery.selector.run.RunDecisions;
import dev.refinery.selector.run.RunDiff;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays on the real broker, registry and S3: 500 scored pairs over 3 partitions replayed twice with the same policy
 * give identical decisions; a replay with a larger alpha accepts more, and the run diff and catalogue say so.
 */
@ExtendWith(RefineryInfraExtension.class)
class ReplayRunsIT {
    private static final int PAIRS = 500;
    private static final String POLICY = """
        {"type": "proportional", "alpha": %s, "weights": {"clip_score": 1.0},
         "rules": [{"signal": "caption_words", "min": 2}]}\
        """;

    @Test
    void shouldGiveIdenticalDecisionsWhenReplayingTheSamePolicyTwiceAndDiffTwoPolicies(Infra infra) throws Exception {
        PlatformConfig platform = TestPlatforms.create(infra);
        Map<String, Object> kafka = infra.clientProperties();
        String input = platform.topics().pairsScored() + ".three";
        try (Admin admin = Admin.create(kafka)) {
            TopicAdmin.ensure(admin, List.of(new TopicSpec(input, 3, (short) 1, false, TopicSpec.SEVEN_DAYS_MS)));
        }
        Instant t0 = publish(kafka, input);

        ReplayResult a;
        ReplayResult a2;
        ReplayResult b;
        try (ObjectStore objects = ObjectStore.create(platform.s3())) {
            a = Replayer.run(platform, kafka, settings("run-a", "0.2", input, new ReplayStart.Earliest()), objects);
            a2 = Replayer.run(
                    platform, kafka, settings("run-a2", "0.2", input, new ReplayStart.LikeRun(a.manifest())), objects);
            b = Replayer.run(platform, kafka, settings("run-b", "0.4", input, new ReplayStart.Earliest()), objects);
            assertThat(objects.exists("curated/run-b/manifest.json")).isTrue();
        }

        assertThat(a.counts().decided()).isEqualTo(PAIRS);
        assertThat(a.manifest().getInput()).hasSize(3).allSatisfy(r -> assertThat(r.getEndOffset())
                .isNotNull());
        assertThat(a.manifest().getInput().stream()
                        .mapToLong(r -> r.getEndOffset() - r.getStartOffset())
                        .sum())
                .isEqualTo(a.counts().read());
        List<Decision> decisions =
                RunDecisions.read(kafka, platform.topics().pairsDecisions(), Set.of("run-a", "run-a2", "run-b"));
        Map<String, Decision> runA = byPair(decisions, "run-a");
        Map<String, Decision> runA2 = byPair(decisions, "run-a2");
        assertThat(runA).hasSize(PAIRS);
        assertThat(runA2.keySet()).isEqualTo(runA.keySet());
        runA.forEach((pair, d) -> assertThat(List.of(
                        runA2.get(pair).getOutcome(),
                        runA2.get(pair).getReason(),
                        String.valueOf(runA2.get(pair).getRankScore()),
                        String.valueOf(runA2.get(pair).getThreshold()),
                        runA2.get(pair).getRevision()))
                .as(pair)
                .isEqualTo(List.of(
                        d.getOutcome(),
                        d.getReason(),
                        String.valueOf(d.getRankScore()),
                        String.valueOf(d.getThreshold()),
                        d.getRevision())));
        assertThat(curatedCount(kafka, platform, "run-a")).isEqualTo(a.counts().accepted());

        RunDiff diff = RunDiff.of("run-a", "run-b", decisions);
        assertThat(diff.acceptedA()).isEqualTo(a.counts().accepted());
        assertThat(diff.acceptedB()).isEqualTo(b.counts().accepted()).isGreaterThan(diff.acceptedA());
        assertThat(diff.added()).isPositive();
        assertThat(diff.acceptedB() - diff.acceptedA()).isEqualTo(diff.added() - diff.removed());
        assertThat(diff.clusters()).hasSize(5).allSatisfy(c -> assertThat(c.acceptedB() - c.acceptedA())
                .isEqualTo(c.added().size() - c.removed().size()));
        assertThat(diff.clusters().stream().mapToLong(ClusterDiff::acceptedA).sum())
                .isEqualTo(runA.values().stream()
                        .filter(d -> d.getOutcome() == Outcome.ACCEPTED)
                        .count());

        List<RunManifest> runs = RunCatalog.list(kafka, platform.topics().runs());
        assertThat(runs).extracting(RunManifest::getRunId).containsExactly("run-a", "run-a2", "run-b");
        assertThat(runs).allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(RunStatus.COMPLETED));
        assertThat(runs.get(1).getParentRunId()).isEqualTo("run-a");
        assertThat(runs.get(1).getInput())
                .extracting(TopicRange::getStartOffset)
                .isEqualTo(runs.get(0).getInput().stream()
                        .map(TopicRange::getStartOffset)
                        .toList());
        assertThat(ReplayInput.ranges(kafka, input, new ReplayStart.FromTimestamp(t0.plusSeconds(PAIRS / 4))))
                .allSatisfy(r -> assertThat(r.getStartOffset()).isBetween(1L, r.getEndOffset() - 1));
    }

    private static ReplaySettings settings(String run, String alpha, String input, ReplayStart start) {
        String parent = start instanceof ReplayStart.LikeRun like ? like.run().getRunId() : null;
        return new ReplaySettings(
                run,
                parent,
                SelectionPolicy.parse(String.format(Locale.ROOT, POLICY, alpha)),
                input,
                start,
                1,
                Duration.ofSeconds(20),
                100);
    }

    private static Map<String, Decision> byPair(List<Decision> decisions, String run) {
        return decisions.stream()
                .filter(d -> d.getRunId().equals(run))
                .collect(Collectors.toMap(Decision::getPairId, Function.identity()));
    }

    private static long curatedCount(Map<String, Object> kafka, PlatformConfig platform, String run) {
        var values = new SpecificAvroDeserializer<CuratedPair>();
        values.configure(kafka, false);
        return TopicScan.readAll(kafka, platform.topics().pairsCurated(), values, Duration.ofSeconds(30)).stream()
                .filter(r -> r.value().getDecision().getRunId().equals(run))
                .count();
    }

    /**
     * 500 pairs over 5 clusters and 3 partitions, one per second with ties across partitions; every tenth routed to
     * rewrite, half of those rewritten 5 s later.
     */
    private static Instant publish(Map<String, Object> kafka, String topic) {
        var serializer = new SpecificAvroSerializer<ScoredPair>();
        serializer.configure(kafka, false);
        Random random = new Random(5);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600); // within the broker's limits
        try (var producer = new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < PAIRS; i++) {
                Route route = i % 10 == 3 ? Route.REWRITE : Route.KEEP_CANDIDATE;
                String id = String.format(Locale.ROOT, "%016x%048x", random.nextLong(), i);
                Instant at = t0.plusSeconds(i / 2);
                ScoredPair p = ScoredPairs.pair(
                        id, i % 5, 0.2 + 0.15 * random.nextDouble(), Map.of("caption_words", 6.0), "en", route);
                p = ScoredPair.newBuilder(p).setScoredAt(at).build();
                int partition = i % 3;
                producer.send(
                        new ProducerRecord<>(topic, partition, at.toEpochMilli(), id, serializer.serialize(topic, p)));
                if (i % 20 == 3) {
                    ScoredPair rewrite = ScoredPair.newBuilder(p)
                            .setPair(RawPair.newBuilder(p.getPair())
                                    .setRevision(1)
                                    .build())
                            .setClipScore(p.getClipScore() + 0.05)
                            .setScoredAt(at.plusSeconds(5))
                            .build();
                    producer.send(new ProducerRecord<>(
                            topic,
                            partition,
                            at.plusSeconds(5).toEpochMilli(),
                            id,
                            serializer.serialize(topic, rewrite)));
                }
            }
            producer.flush();
        }
        return t0;
    }
}
