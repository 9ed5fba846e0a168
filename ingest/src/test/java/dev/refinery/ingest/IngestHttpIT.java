package dev.refinery.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refinery.ingest.config.IngestConfig;
import dev.refinery.ingest.http.IngestHttpServer;
import dev.refinery.runtime.TopicReader;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.S3Clients;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.RawPair;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RefineryInfraExtension.class)
class IngestHttpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldPublishEightyOfAHundredAndSendTheRestToDuplicatesAndTheDlq(Infra infra) throws Exception {
        PlatformConfig platform = IngestFixtures.platform(infra);
        IngestConfig config = IngestFixtures.ingestConfig(Map.of());
        String batch = hundredPairs();

        JsonNode first;
        try (IngestService service = start(platform, config);
                IngestHttpServer server = service.serveHttp()) {
            first = post(server.port(), batch);
            JsonNode second = post(server.port(), batch);
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create(IngestFixtures.base(server.port()) + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics)
                    .contains("refinery_ingest_pairs_total{outcome=\"accepted\",reason=\"none\"} 80.0")
                    .contains(
                            "refinery_ingest_pairs_total{outcome=\"rejected\",reason=\"image.decompression_bomb\"} 4.0")
                    .contains("refinery_ingest_image_bytes_total");

            assertThat(second.get("accepted").asInt()).isZero();
            assertThat(second.get("duplicate").asInt()).isEqualTo(90);
            assertThat(second.get("rejected").asInt()).isEqualTo(10);
        }

        assertThat(first.get("accepted").asInt()).isEqualTo(80);
        assertThat(first.get("duplicate").asInt()).isEqualTo(10);
        assertThat(first.get("rejected").asInt()).isEqualTo(10);
        assertThat(reasons(first))
                .containsEntry("image.decompression_bomb", 2L)
                .containsEntry("caption.empty", 1L)
                .containsEntry("caption.too_long", 1L)
                .containsEntry("caption.invalid_utf8", 1L);
        assertThat(reasons(first).entrySet().stream()
                        .filter(e ->
                                e.getKey().startsWith("image.") && !e.getKey().equals("image.decompression_bomb"))
                        .mapToLong(Map.Entry::getValue)
                        .sum())
                .as("corrupt images")
                .isEqualTo(5);

        var raw = rawPairs(infra, platform);
        assertThat(raw).hasSize(80);
        assertThat(raw.stream().map(r -> r.value().getPairId()).collect(Collectors.toSet()))
                .hasSize(80);
        assertThat(raw).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(r.value().getPairId());
            assertThat(r.value().getImage().getUri())
                    .startsWith("s3://" + platform.s3().bucket() + "/images/");
            assertThat(r.value().getImage().getFormat()).isIn(ImageFormat.PNG, ImageFormat.JPEG);
            assertThat(r.headers().lastHeader("refinery.source")).isNotNull();
        });
        var dlq = deadLetters(infra, platform);
        assertThat(dlq).hasSize(10);
        assertThat(dlq).allSatisfy(r -> {
            assertThat(r.value().getStage()).isEqualTo("ingest");
            assertThat(r.value().getOrigin()).startsWith("http:127.0.0.1#");
            assertThat(r.value().getErrorMessage()).isNotBlank();
        });
        assertThat(imageObjects(platform)).isEqualTo(80);

        // a restarted instance restores the dedup state from Kafka: the same batch publishes nothing new
        try (IngestService restarted = start(platform, IngestFixtures.ingestConfig(Map.of()));
                IngestHttpServer server = restarted.serveHttp()) {
            JsonNode third = post(server.port(), batch);
            assertThat(third.get("accepted").asInt()).isZero();
            assertThat(third.get("duplicate").asInt()).isEqualTo(90);
        }
        assertThat(rawPairs(infra, platform)).hasSize(80);
        assertThat(deadLetters(infra, platform)).hasSize(10);
    }

    @Test
    void shouldRefuseRequestsWithoutTheBearerTokenAndOversizedBodies(Infra infra) throws Exception {
        PlatformConfig platform = IngestFixtures.platform(infra);
        IngestConfig config = IngestFixtures.ingestConfig(Map.of(
                "REFINERY_INGEST_AUTH_TOKEN", "s3cret",
                "REFINERY_INGEST_MAX_REQUEST_BYTES", "2048",
                "REFINERY_INGEST_MAX_INFLIGHT_BYTES", "4096"));
        try (IngestService service = start(platform, config);
                IngestHttpServer server = service.serveHttp()) {
            URI uri = URI.create(IngestFixtures.base(server.port()) + "/v1/pairs");
            var noToken = http.send(
                    HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var tooBig = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer s3cret")
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4000]))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var ready = http.send(
                    HttpRequest.newBuilder(URI.create(IngestFixtures.base(server.port()) + "/health/ready"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            var metrics = http.send(
                    HttpRequest.newBuilder(URI.create(IngestFixtures.base(server.port()) + "/metrics"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(metrics.body())
                    .contains("kafka_producer_buffer_available_bytes")
                    .contains("refinery_ingest_publish_queue");
            assertThat(noToken.statusCode()).isEqualTo(401);
            assertThat(tooBig.statusCode()).isEqualTo(413);
            assertThat(ready.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldAcceptMultipartUploadsWithAManifestOrASinglePair(Infra infra) throws Exception {
        PlatformConfig platform = IngestFixtures.platform(infra);
        try (IngestService service = start(platform, IngestFixtures.ingestConfig(Map.of()));
                IngestHttpServer server = service.serveHttp()) {
            String manifest = "{\"caption\":\"first\",\"image_part\":\"a\"}\n"
                    + "{\"caption\":\"second\",\"image_part\":\"b\"}\n"
                    + "{\"caption\":\"third\",\"image_part\":\"missing\"}\n";
            byte[] withManifest = dev.refinery.ingest.http.MultipartBodies.body(
                    "b0undary",
                    dev.refinery.ingest.http.MultipartBodies.part(
                            "pairs", null, manifest.getBytes(StandardCharsets.UTF_8)),
                    dev.refinery.ingest.http.MultipartBodies.part("a", "a.png", IngestFixtures.png(4001)),
                    dev.refinery.ingest.http.MultipartBodies.part("b", "b.jpg", IngestFixtures.jpeg(4002)));
            byte[] single = dev.refinery.ingest.http.MultipartBodies.body(
                    "b0undary",
                    dev.refinery.ingest.http.MultipartBodies.part("image", "c.png", IngestFixtures.png(4003)),
                    dev.refinery.ingest.http.MultipartBodies.part(
                            "caption", null, "fourth".getBytes(StandardCharsets.UTF_8)));

            JsonNode many = postMultipart(server.port(), withManifest);
            JsonNode one = postMultipart(server.port(), single);

            assertThat(many.get("accepted").asInt()).isEqualTo(2);
            assertThat(many.get("rejected").asInt()).isEqualTo(1);
            assertThat(many.at("/results/2/reason").asText()).isEqualTo("request.invalid_item");
            assertThat(one.get("accepted").asInt()).isEqualTo(1);
        }
        assertThat(rawPairs(infra, platform))
                .extracting(r -> r.value().getCaption())
                .containsExactlyInAnyOrder("first", "second", "fourth");
    }

    private JsonNode postMultipart(int port, byte[] body) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(IngestFixtures.base(port) + "/v1/pairs"))
                        .header("Content-Type", "multipart/form-data; boundary=b0undary")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** 80 distinct valid pairs, 10 exact duplicates of some of them, 5 corrupt images, 2 bombs, 3 bad captions. */
    private static String hundredPairs() throws Exception {
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            byte[] image = i % 2 == 0 ? IngestFixtures.png(i) : IngestFixtures.jpeg(i);
            items.add(item(image, "a picture of shape number " + i, "k" + i));
        }
        for (int i = 0; i < 10; i++) {
            items.add(items.get(i * 7).deepCopy().put("key", "dup" + i));
        }
        byte[] jpeg = IngestFixtures.jpeg(3);
        items.add(item(Arrays.copyOf(jpeg, jpeg.length / 2), "truncated jpeg", "c1"));
        items.add(item("<!DOCTYPE html><html>404</html>".getBytes(StandardCharsets.UTF_8), "html page", "c2"));
        items.add(item(new byte[0], "empty file", "c3"));
        byte[] png = IngestFixtures.png(999);
        items.add(item(Arrays.copyOf(png, png.length - 12), "png without IEND", "c4"));
        items.add(item(new byte[] {0x12, 0x34, 0x56, 0x78, (byte) 0x9a, 0x0b, 0x0c, 0x0d}, "random bytes", "c5"));
        items.add(item(IngestFixtures.pngBomb(50_000), "bomb one", "b1"));
        items.add(item(IngestFixtures.pngBomb(30_000), "bomb two", "b2"));
        items.add(item(IngestFixtures.png(1001), "", "t1"));
        items.add(item(IngestFixtures.png(1002), "x".repeat(5000), "t2"));
        items.add(item(IngestFixtures.png(1003), "broken LONE_SURROGATE caption", "t3"));
        StringBuilder body = new StringBuilder();
        for (ObjectNode n : items) {
            body.append(JSON.writeValueAsString(n)).append('\n');
        }
        // a JSON escape of a lone UTF-16 surrogate: valid JSON text, but not a valid Unicode string
        return body.toString().replace("LONE_SURROGATE", "\\ud800");
    }

    private static ObjectNode item(byte[] image, String caption, String key) {
        return JSON.createObjectNode()
                .put("image_base64", Base64.getEncoder().encodeToString(image))
                .put("caption", caption)
                .put("key", key);
    }

    private JsonNode post(int port, String body) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(IngestFixtures.base(port) + "/v1/pairs"))
                        .header("Content-Type", "application/x-ndjson")
                        .header("X-Refinery-Source", "crawler-it")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Map<String, Long> reasons(JsonNode response) {
        List<String> reasons = new ArrayList<>();
        response.get("results").forEach(r -> {
            if (r.get("status").asText().equals("rejected")) {
                reasons.add(r.get("reason").asText());
            }
        });
        return reasons.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    static IngestService start(PlatformConfig platform, IngestConfig config) throws Exception {
        return IngestService.start(platform, config, Map.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    static List<ConsumerRecord<String, RawPair>> rawPairs(Infra infra, PlatformConfig platform) {
        return TopicReader.records(infra, platform.topics().pairsRaw(), RawPair.class);
    }

    static List<ConsumerRecord<String, DeadLetter>> deadLetters(Infra infra, PlatformConfig platform) {
        return TopicReader.records(infra, platform.topics().dlq(), DeadLetter.class);
    }

    static long imageObjects(PlatformConfig platform) {
        try (var s3 = S3Clients.create(platform.s3())) {
            return s3
                    .listObjectsV2Paginator(
                            b -> b.bucket(platform.s3().bucket()).prefix("images/"))
                    .contents()
                    .stream()
                    .count();
        }
    }

    static Set<String> keys(List<? extends ConsumerRecord<String, ?>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
