package dev.refinery.selector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.TopicReader;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.http.OpsServer;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.scorer.ScorerFixtures;
import dev.refinery.selector.SelectorService;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.policy.ScoredPairs;
import dev.refinery.selector.status.QuotaStatus;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two selector instances of one application on the real broker, each advertising its HTTP port: either one's
 * {@code /v1/quotas} covers the quota keys of both, equal to the sum of their {@code /v1/quotas/local} answers, and an
 * instance that stops answering is listed with its error.
 */
@ExtendWith(RefineryInfraExtension.class)
class QuotaFanOutIT {
    private static final int PAIRS = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldAnswerForEveryInstanceFromAnyInstance(Infra infra, @TempDir Path dir) throws Exception {
        PlatformConfig platform = TestPlatforms.create(infra);
        publish(infra, platform);
        int portA = freePort();
        int portB = freePort();
        SelectorConfig a = config(platform, dir.resolve("a"), portA);
        SelectorConfig b = config(platform, dir.resolve("b"), portB);
        try (SelectorService first = SelectorService.start(platform, a, Map.of(), new SimpleMeterRegistry());
                SelectorService second = SelectorService.start(platform, b, Map.of(), new SimpleMeterRegistry());
                OpsServer opsA = serve(first, a, portA)) {
            OpsServer opsB = serve(second, b, portB);
            boolean bClosed = false;
            try {
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> TopicReader.values(infra, platform.topics().pairsDecisions(), Decision.class)
                                        .size()
                                >= PAIRS);
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                    assertThat(first.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
                    assertThat(second.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
                    long localA = seen(get(portA, "/v1/quotas/local"));
                    long localB = seen(get(portB, "/v1/quotas/local"));
                    JsonNode allFromA = get(portA, "/v1/quotas");
                    JsonNode allFromB = get(portB, "/v1/quotas");
                    assertThat(localA + localB).isPositive();
                    assertThat(seen(allFromA)).isEqualTo(localA + localB);
                    assertThat(seen(allFromB)).isEqualTo(localA + localB);
                    assertThat(allFromA.get("instances")).hasSize(2);
                    assertThat(allFromA.get("instances").findValues("error")).isEmpty();
                });

                opsB.close();
                bClosed = true;
                assertThat(opsA.port()).isEqualTo(portA);
                JsonNode partial = get(portA, "/v1/quotas");
                assertThat(partial.get("instances"))
                        .as("the instance that stopped answering is listed with its error")
                        .anySatisfy(i -> {
                            assertThat(i.get("instance").asText()).endsWith(":" + portB);
                            assertThat(i.has("error")).isTrue();
                        });
            } finally {
                if (!bClosed) {
                    opsB.close();
                }
            }
        }
    }

    private static SelectorConfig config(PlatformConfig platform, Path state, int port) {
        Map<String, String> env = new HashMap<>(TestPlatforms.environment(platform));
        env.putAll(Map.of(
                "REFINERY_RUN_ID",
                "fan-out",
                "REFINERY_SELECTOR_STATE_DIR",
                state.toString(),
                "REFINERY_SELECTOR_HTTP_PORT",
                Integer.toString(port),
                "REFINERY_SELECTOR_ADVERTISED_URL",
                "http://127.0.0.1:" + port));
        return SelectorConfig.fromEnv(Env.of(env));
    }

    private static OpsServer serve(SelectorService service, SelectorConfig config, int port) throws Exception {
        QuotaStatus status = new QuotaStatus(
                service.streams(),
                service.selector(),
                config.runId(),
                config.shardsPerCluster(),
                new HostInfo("127.0.0.1", port));
        OpsServer ops = new OpsServer("127.0.0.1", port, () -> "", service::running);
        ops.json("/v1/quotas", status::json);
        ops.json("/v1/quotas/local", status::localJson);
        return ops;
    }

    private static long seen(JsonNode quotas) {
        long seen = 0;
        for (JsonNode c : quotas.get("clusters")) {
            seen += c.get("seen").asLong();
        }
        return seen;
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Keep-candidate pairs over 6 clusters, so both partitions of the repartition topic carry quota keys. */
    private static void publish(Infra infra, PlatformConfig platform) {
        var serializer = new SpecificAvroSerializer<ScoredPair>();
        serializer.configure(infra.clientProperties(), false);
        String topic = platform.topics().pairsScored();
        try (var producer = ScorerFixtures.producer(infra)) {
            for (int i = 0; i < PAIRS; i++) {
                String id = String.format(Locale.ROOT, "%064x", 7_000 + i);
                ScoredPair p = ScoredPairs.pair(
                        id, i % 6, 0.2 + (i % 13) * 0.01, Map.of("caption_words", 6.0), "en", Route.KEEP_CANDIDATE);
                producer.send(new ProducerRecord<>(topic, id, serializer.serialize(topic, p)));
            }
        }
    }
}
