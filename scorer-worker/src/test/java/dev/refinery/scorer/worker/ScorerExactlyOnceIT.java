package dev.refinery.scorer.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.TopicReader;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.schemas.ClusterSet;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.scorer.ScorerFixtures;
import dev.refinery.scorer.ScorerService;
import dev.refinery.scorer.config.ScorerConfig;
import dev.refinery.scorer.fit.ClusterFitter;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RefineryInfraExtension.class)
class ScorerExactlyOnceIT {

    @Test
    void shouldScoreEachPairExactlyOnceAcrossAKillInTheMiddleOfATransaction(Infra infra, @TempDir Path dir)
            throws Exception {
        PlatformConfig platform = TestPlatforms.create(infra);
        var images = ScorerFixtures.demoImages(200);
        try (var producer = ScorerFixtures.producer(infra)) {
            for (int i = 0; i < images.size(); i++) {
                publishDemo(infra, platform, producer, images.get(i), i);
            }
            byte[] jpeg = images.get(0).bytes();
            byte[] broken = Arrays.copyOf(jpeg, 64); // a header and nothing decodable
            for (int i = 0; i < 3; i++) {
                broken[40 + i] ^= 0x55;
                ScorerFixtures.publish(
                        infra,
                        platform,
                        producer,
                        broken.clone(),
                        ImageFormat.JPEG,
                        200,
                        200,
                        "a broken picture " + i,
                        1000 + i);
            }
        }

        Map<String, String> env = new HashMap<>(TestPlatforms.environment(platform));
        env.putAll(Map.of(
                "REFINERY_SCORER_BATCH_SIZE", "20",
                "REFINERY_SCORER_BATCH_MAX_DELAY_MS", "200",
                "REFINERY_SCORER_GROUP_ID", "scorer-it",
                "REFINERY_SCORER_TRANSACTIONAL_ID", "scorer-it-0",
                "REFINERY_SCORER_HTTP_PORT", "0",
                "REFINERY_SCORER_GPU", "off",
                "REFINERY_SCORER_MODEL_CACHE", dir.resolve("models").toString(),
                "KAFKA_SESSION_TIMEOUT_MS", "6000",
                "KAFKA_HEARTBEAT_INTERVAL_MS", "1000"));
        Path log = dir.resolve("scorer-1.log");
        Map<String, String> childEnv = new HashMap<>(env);
        childEnv.put("REFINERY_SCORER_TEST_HANG_BEFORE_COMMIT", "3");
        Process first = dev.refinery.testkit.ChildJvm.launchMain("dev.refinery.scorer.ScorerMain", childEnv, log);
        try {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("TEST HOOK: hanging"));
        } finally {
            first.destroyForcibly().waitFor(); // kill -9 with batch 3 sent but not committed
        }
        assertThat(scored(infra, platform)).as("batches 1 and 2 committed").hasSize(40);

        ScorerConfig config = ScorerConfig.fromEnv(Env.of(env));
        Map<String, Object> kafka = Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000");
        try (ScorerService second = ScorerService.start(platform, config, kafka, new SimpleMeterRegistry(), null)) {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> scored(infra, platform).size() >= 200
                            && deadLetters(infra, platform).size() >= 3);
            assertThat(second.worker().failure()).isNull();
        }

        var scored = scored(infra, platform);
        Set<String> ids =
                scored.stream().map(ScoredPair::getPair).map(p -> p.getPairId()).collect(Collectors.toSet());
        assertThat(scored).hasSize(200);
        assertThat(ids).hasSize(200);
        assertThat(scored).allSatisfy(s -> {
            assertThat(s.getClipScore()).isNotNull();
            assertThat(s.getImageEmbedding().remaining()).isPositive();
            assertThat(s.getModelId()).startsWith("refinery-tiny-clip");
        });
        var dlq = deadLetters(infra, platform);
        assertThat(dlq).hasSize(3).allSatisfy(d -> {
            assertThat(d.getStage()).isEqualTo("scorer");
            assertThat(d.getReason()).startsWith("image.");
            assertThat(d.getSourceTopic()).isEqualTo(platform.topics().pairsRaw());
            assertThat(d.getErrorMessage()).isNotBlank();
        });
    }

    @Test
    void shouldFitClustersFromScoredEmbeddingsAndAssignThemToNewPairs(Infra infra, @TempDir Path dir) throws Exception {
        PlatformConfig platform = TestPlatforms.create(infra);
        var images = ScorerFixtures.demoImages(60);
        try (var producer = ScorerFixtures.producer(infra)) {
            for (int i = 0; i < 40; i++) {
                publishDemo(infra, platform, producer, images.get(i), i);
            }
        }
        Path head = dir.resolve("aesthetic.onnx");
        float[] weights = new float[dev.refinery.scorer.model.TinyClipModel.DIMENSION];
        java.util.Arrays.fill(weights, 0.1f);
        Files.write(
                head, dev.refinery.scorer.LinearHeads.linearHead(weights, 1f).toByteArray());
        Map<String, String> env = new HashMap<>(TestPlatforms.environment(platform));
        env.put("REFINERY_SCORER_HEADS", "aesthetic=" + head);
        env.putAll(Map.of(
                "REFINERY_SCORER_GROUP_ID", "clusters-it",
                "REFINERY_SCORER_TRANSACTIONAL_ID", "clusters-it-0",
                "REFINERY_SCORER_GPU", "off",
                "REFINERY_SCORER_LANGUAGES", "en,de",
                "REFINERY_SCORER_MODEL_CACHE", dir.resolve("models").toString()));
        ScorerConfig config = ScorerConfig.fromEnv(Env.of(env));
        Map<String, Object> kafka = new HashMap<>(infra.clientProperties());
        try (ScorerService scorer = ScorerService.start(platform, config, Map.of(), new SimpleMeterRegistry(), null)) {
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> scored(infra, platform).size() >= 40);

            assertThat(scored(infra, platform))
                    .allSatisfy(p -> assertThat(p.getSignals()).anySatisfy(sig -> {
                        assertThat(sig.getName()).isEqualTo("aesthetic");
                        assertThat(sig.getValue()).isNotNull();
                    }));

            ClusterSet set = ClusterFitter.fit(platform.topics(), kafka, 4, 1000, java.util.Optional.empty(), 7);

            assertThat(set.getCentroids()).hasSize(4);
            assertThat(set.getSampleSize()).isEqualTo(40);
            assertThat(set.getEmbeddingModel()).isEqualTo(scorer.model().id());
            assertThat(set.getCentroids().stream().mapToLong(c -> c.getSize()).sum())
                    .isEqualTo(40);
            Thread.sleep(1500); // the scorer follows the clusters topic with 500 ms polls
            try (var producer = ScorerFixtures.producer(infra)) {
                for (int i = 40; i < 60; i++) {
                    publishDemo(infra, platform, producer, images.get(i), i);
                }
            }
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> scored(infra, platform).size() >= 60);
            var later = scored(infra, platform).stream()
                    .filter(s -> s.getCluster() != null)
                    .toList();
            assertThat(later).isNotEmpty().allSatisfy(s -> {
                assertThat(s.getCluster().getClusterSetVersion()).isEqualTo(set.getVersion());
                assertThat(s.getCluster().getClusterId()).isBetween(0, 3);
                assertThat(s.getCluster().getSimilarity()).isBetween(-1.0, 1.0001);
            });
        }
    }

    private static void publishDemo(
            Infra infra,
            PlatformConfig platform,
            org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer,
            dev.refinery.scorer.demo.DemoImage img,
            int i)
            throws Exception {
        ScorerFixtures.publish(
                infra,
                platform,
                producer,
                img.bytes(),
                ImageFormat.valueOf(img.format().toUpperCase(java.util.Locale.ROOT)),
                img.width(),
                img.height(),
                ScorerFixtures.matched(img, i),
                i);
    }

    static List<ScoredPair> scored(Infra infra, PlatformConfig platform) {
        return TopicReader.values(infra, platform.topics().pairsScored(), ScoredPair.class);
    }

    static List<DeadLetter> deadLetters(Infra infra, PlatformConfig platform) {
        return TopicReader.values(infra, platform.topics().dlq(), DeadLetter.class);
    }
}
