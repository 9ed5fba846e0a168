package dev.refinery.selector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.TopicReader;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.ImageRef;
import dev.refinery.schemas.Outcome;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.RunManifest;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.scorer.ScorerFixtures;
import dev.refinery.selector.SelectorService;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.policy.ScoredPairs;
import dev.refinery.selector.run.RunManifests;
import dev.refinery.selector.sink.SinkConfig;
import dev.refinery.selector.sink.SinkService;
import dev.refinery.testkit.ChildJvm;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selector and curated sink on the real broker, registry and S3: 1,000 scored pairs (some waiting for a rewrite, some
 * rejected by the scorer) end as 1,000 decisions; the sink, killed after uploading a tar but before its index and
 * commit, and restarted, leaves valid tar shards holding exactly the accepted pairs, each once.
 */
@ExtendWith(RefineryInfraExtension.class)
class SelectorSinkIT {
    private static final int PAIRS = 1000;
    private static final String RUN = "it-run";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldDecideEveryPairOnceAndWriteExactlyTheAcceptedOnesToTarShardsAcrossASinkCrash(
            Infra infra, @TempDir Path dir) throws Exception {
        PlatformConfig platform = TestPlatforms.create(infra);
        Set<String> ids = publishScored(infra, platform);
        Map<String, String> env = new HashMap<>(TestPlatforms.environment(platform));
        env.putAll(Map.of(
                "REFINERY_RUN_ID", RUN,
                "REFINERY_SELECTOR_REWRITE_WAIT_MS", "2000",
                "REFINERY_SELECTOR_REWRITE_WAIT_CLOCK", "wall",
                "REFINERY_SELECTOR_STATE_DIR", dir.resolve("streams").toString(),
                "REFINERY_SINK_SHARD_MAX_RECORDS", "60",
                "REFINERY_SINK_SHARD_MAX_AGE_MS", "2000",
                "REFINERY_SINK_SPOOL_DIR", dir.resolve("spool").toString(),
                "REFINERY_SINK_HTTP_PORT", "0"));
        SelectorConfig selectorConfig = SelectorConfig.fromEnv(Env.of(env));
        List<Decision> decisions;
        try (SelectorService selector =
                SelectorService.start(platform, selectorConfig, Map.of(), new SimpleMeterRegistry())) {
            Map<String, Object> kafka = new HashMap<>(infra.clientProperties());
            try (ObjectStore objects = ObjectStore.create(platform.s3())) {
                RunManifest manifest = RunManifests.publish(
                        platform,
                        kafka,
                        RUN,
                        selectorConfig.applicationId(),
                        selector.selector().policy(),
                        objects);
                assertThat(manifest.getInput()).isNotEmpty();
                assertThat(objects.exists("curated/" + RUN + "/manifest.json")).isTrue();
            }
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> decisions(infra, platform).size() >= PAIRS);
            decisions = decisions(infra, platform);
        }
        assertThat(decisions).hasSize(PAIRS);
        assertThat(decisions.stream().map(Decision::getPairId).collect(Collectors.toSet()))
                .isEqualTo(ids);
        Set<String> accepted = decisions.stream()
                .filter(d -> d.getOutcome() == Outcome.ACCEPTED)
                .map(Decision::getPairId)
                .collect(Collectors.toSet());
        assertThat(accepted).hasSizeBetween(150, 400);
        assertThat(decisions.stream().filter(d -> d.getReason().equals("scorer:reject")))
                .hasSize(50);
        assertThat(decisions.stream().filter(d -> d.getRevision() == 1)).isNotEmpty();

        Path log = dir.resolve("sink-1.log");
        Map<String, String> childEnv = new HashMap<>(env);
        childEnv.put("REFINERY_SINK_TEST_HANG_AFTER_TAR", "2");
        Process first = ChildJvm.launchMain("dev.refinery.selector.sink.SinkMain", childEnv, log);
        try {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("TEST HOOK: hanging"));
        } finally {
            first.destroyForcibly().waitFor(); // kill -9: shard 2's tar is in S3 without its index or commit
        }
        try (ObjectStore objects = ObjectStore.create(platform.s3())) {
            List<String> keys = objects.list("curated/" + RUN + "/shards/");
            assertThat(keys.stream().filter(k -> k.endsWith(".tar")).count())
                    .as("an orphan tar is left by the crash")
                    .isGreaterThan(
                            keys.stream().filter(k -> k.endsWith(".idx.json")).count());
        }

        SinkConfig sinkConfig = SinkConfig.fromEnv(Env.of(env));
        try (SinkService sink = SinkService.start(platform, sinkConfig, Map.of(), new SimpleMeterRegistry(), null)) {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> shardKeys(platform).size() >= accepted.size());
            assertThat(sink.sink().failure()).isNull();
        }

        List<String> written = shardKeys(platform);
        assertThat(written).hasSize(accepted.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(written)).isEqualTo(accepted);
        try (ObjectStore objects = ObjectStore.create(platform.s3())) {
            List<String> keys = objects.list("curated/" + RUN + "/shards/");
            Set<String> tars = keys.stream()
                    .filter(k -> k.endsWith(".tar"))
                    .map(k -> k.substring(0, k.length() - 4))
                    .collect(Collectors.toSet());
            Set<String> indexed = keys.stream()
                    .filter(k -> k.endsWith(".idx.json"))
                    .map(k -> k.substring(0, k.length() - 9))
                    .collect(Collectors.toSet());
            assertThat(tars).as("no orphan tar left").isEqualTo(indexed);
        }
    }

    /** Keys of the samples in every completed shard (tar with its index), read back with a tar reader. */
    private static List<String> shardKeys(PlatformConfig platform) throws Exception {
        List<String> samples = new ArrayList<>();
        try (ObjectStore objects = ObjectStore.create(platform.s3())) {
            for (String index : objects.list("curated/" + RUN + "/shards/")) {
                if (!index.endsWith(".idx.json")) {
                    continue;
                }
                JsonNode doc = JSON.readTree(objects.get(index));
                byte[] tar = objects.get(doc.get("shard").asText());
                Map<String, Set<String>> members = new HashMap<>();
                try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
                    TarArchiveEntry e;
                    while ((e = in.getNextEntry()) != null) {
                        String name = e.getName();
                        byte[] content = in.readAllBytes();
                        String key = name.substring(0, name.indexOf('.'));
                        members.computeIfAbsent(key, k -> new HashSet<>()).add(name.substring(name.indexOf('.') + 1));
                        if (name.endsWith(".json")) {
                            assertThat(JSON.readTree(content).get("pair_id").asText())
                                    .isEqualTo(key);
                        }
                        if (name.endsWith(".txt")) {
                            assertThat(new String(content, StandardCharsets.UTF_8))
                                    .isNotBlank();
                        }
                    }
                }
                assertThat(members.values())
                        .allSatisfy(m -> assertThat(m).containsExactlyInAnyOrder("jpg", "txt", "json"));
                assertThat(doc.get("samples_count").asInt()).isEqualTo(members.size());
                samples.addAll(members.keySet());
            }
        }
        return samples;
    }

    private static List<Decision> decisions(Infra infra, PlatformConfig platform) {
        return TopicReader.values(infra, platform.topics().pairsDecisions(), Decision.class);
    }

    /** 1,000 scored pairs over 5 clusters: 50 rejected by the scorer, 100 routed to rewrite (half get one). */
    private static Set<String> publishScored(Infra infra, PlatformConfig platform) throws Exception {
        List<byte[]> images = ScorerFixtures.demoImages(10).stream()
                .map(i -> i.format().equals("jpeg") ? i.bytes() : null)
                .filter(b -> b != null)
                .toList();
        List<String> uris = new ArrayList<>();
        try (ObjectStore objects = ObjectStore.create(platform.s3())) {
            objects.ensureBucket();
            for (int i = 0; i < images.size(); i++) {
                objects.put("images/it/" + i, images.get(i), "image/jpeg");
                uris.add(objects.uri("images/it/" + i));
            }
        }
        var serializer = new SpecificAvroSerializer<ScoredPair>();
        serializer.configure(infra.clientProperties(), false);
        String topic = platform.topics().pairsScored();
        Random random = new Random(11);
        Set<String> ids = new HashSet<>();
        Instant t0 = Instant.now();
        try (var producer = ScorerFixtures.producer(infra)) {
            for (int i = 0; i < PAIRS; i++) {
                Route route = i % 20 == 0 ? Route.REJECT : i % 10 == 5 ? Route.REWRITE : Route.KEEP_CANDIDATE;
                String id = String.format(Locale.ROOT, "%016x%048x", random.nextLong(), i);
                double clip = 0.22 + 0.1 * random.nextDouble();
                ScoredPair p = ScoredPairs.pair(id, i % 5, clip, Map.of("caption_words", 6.0), "en", route);
                RawPair raw = RawPair.newBuilder(p.getPair())
                        .setCaption("a caption for pair " + i)
                        .setImage(ImageRef.newBuilder(p.getPair().getImage())
                                .setUri(uris.get(i % uris.size()))
                                .build())
                        .build();
                p = ScoredPair.newBuilder(p).setPair(raw).setScoredAt(t0).build();
                producer.send(new ProducerRecord<>(topic, id, serializer.serialize(topic, p)));
                ids.add(id);
                if (route == Route.REWRITE && i % 20 == 5) {
                    ScoredPair rewrite = ScoredPair.newBuilder(p)
                            .setPair(RawPair.newBuilder(raw).setRevision(1).build())
                            .setRoute(Route.KEEP_CANDIDATE)
                            .setClipScore(clip + 0.05)
                            .build();
                    producer.send(new ProducerRecord<>(topic, id, serializer.serialize(topic, rewrite)));
                }
            }
            producer.flush();
        }
        return ids;
    }
}
