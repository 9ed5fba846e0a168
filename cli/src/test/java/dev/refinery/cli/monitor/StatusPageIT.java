package dev.refinery.cli.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.runtime.TestPairs;
import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.TopicReader;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.worker.DeadLetters;
import dev.refinery.schemas.ClusterAssignment;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.SelectorService;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.status.QuotaStatus;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in status page in real headless Chromium (Debian's {@code chromium}; .ci/run installs it): a live
 * selector's quota figures, a lagging group's lag and the DLQ reasons appear in the rendered page.
 */
@ExtendWith(RefineryInfraExtension.class)
class StatusPageIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldShowLiveLagQuotaAndDeadLetterFiguresInHeadlessChromium(Infra infra, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed");
        PlatformConfig platform = TestPlatforms.create(infra);
        Map<String, Object> kafka = new HashMap<>(infra.clientProperties());
        publish(infra, platform, 200);
        String lagging = "status-it-lagging";
        Map<String, Object> props = new HashMap<>(kafka);
        props.put("group.id", lagging);
        try (var c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            c.commitSync(Map.of(new TopicPartition(platform.topics().pairsScored(), 0), new OffsetAndMetadata(0)));
        }
        SelectorConfig config = SelectorConfig.fromEnv(Env.of(Map.of(
                "REFINERY_RUN_ID",
                "status-it",
                "REFINERY_SELECTOR_STATE_DIR",
                dir.resolve("streams").toString())));
        try (SelectorService selector = SelectorService.start(platform, config, Map.of(), new SimpleMeterRegistry())) {
            await().atMost(Duration.ofMinutes(2)).until(() -> decisions(infra, platform) >= 200);
            QuotaStatus quotas = new QuotaStatus(selector.streams(), selector.selector(), "status-it", 1);
            JsonNode expected = JSON.readTree(quotas.json());
            try (MonitorServer server = new MonitorServer("127.0.0.1", 0, kafka, platform.topics(), quotas::json)) {
                String dom = chromium("http://127.0.0.1:" + server.port() + "/", dir.resolve("chromium"));

                assertThat(dom).contains("Lag per stage").contains(lagging);
                long scoredPartition0 = endOffset(kafka, platform.topics().pairsScored());
                assertThat(dom).contains("<td>" + scoredPartition0 + "</td>");
                assertThat(dom).contains("proportional, run status-it");
                for (JsonNode c : expected.get("clusters")) {
                    assertThat(dom)
                            .contains("<td class=\"text\">" + c.get("cluster").asText() + "</td><td>"
                                    + c.get("seen").asLong() + "</td><td>"
                                    + c.get("accepted").asLong() + "</td>");
                }
                assertThat(dom).contains("image.corrupt").contains("scorer");
            }
        }
    }

    private static String chromium(String url, Path profile) throws Exception {
        Process p = new ProcessBuilder(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--virtual-time-budget=5000",
                        "--dump-dom",
                        url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return dom;
    }

    private static long endOffset(Map<String, Object> kafka, String topic) {
        try (var c = new KafkaConsumer<>(kafka, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            return c.endOffsets(List.of(tp)).get(tp);
        }
    }

    private static long decisions(Infra infra, PlatformConfig platform) {
        return TopicReader.values(infra, platform.topics().pairsDecisions(), Decision.class)
                .size();
    }

    /** Scored pairs over 3 clusters and a few scorer DLQ records. */
    private static void publish(Infra infra, PlatformConfig platform, int pairs) throws Exception {
        var scored = new SpecificAvroSerializer<ScoredPair>();
        scored.configure(infra.clientProperties(), false);
        var dlq = new SpecificAvroSerializer<DeadLetter>();
        dlq.configure(infra.clientProperties(), false);
        Random random = new Random(3);
        String topic = platform.topics().pairsScored();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", infra.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < pairs; i++) {
                String id = String.format(Locale.ROOT, "%016x%048x", random.nextLong(), i);
                RawPair raw =
                        RawPair.newBuilder(TestPairs.rawPair(i)).setPairId(id).build();
                ScoredPair p = ScoredPair.newBuilder(TestPairs.scoredPair(i))
                        .setPair(raw)
                        .setClipScore(0.25 + 0.1 * random.nextDouble())
                        .setCluster(new ClusterAssignment(i % 3, "cs-it", 0.9))
                        .build();
                producer.send(new ProducerRecord<>(topic, id, scored.serialize(topic, p)));
            }
            for (int i = 0; i < 3; i++) {
                var source = new ConsumerRecord<>(platform.topics().pairsRaw(), 0, i, "k" + i, new byte[] {1, 2});
                DeadLetter d = DeadLetters.of("scorer", source, "image.corrupt", "ImageDecoder", "broken JPEG " + i);
                producer.send(new ProducerRecord<>(
                        platform.topics().dlq(),
                        "k" + i,
                        dlq.serialize(platform.topics().dlq(), d)));
            }
        }
    }
}
