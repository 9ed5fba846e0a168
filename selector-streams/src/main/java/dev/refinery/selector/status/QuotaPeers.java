package dev.refinery.selector.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The other instances of the selector application, from Streams' metadata ({@code application.server} of each), asked
 * in parallel for their {@code /v1/quotas/local} with a short timeout. An instance that does not answer is listed
 * with its error, never silently left out.
 */
final class QuotaPeers {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    QuotaPeers(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    String self() {
        return self.host() + ":" + self.port();
    }

    /** Calls {@code onAnswer} with each peer's parsed answer and adds one entry per peer to {@code instances}. */
    void collect(BiConsumer<String, JsonNode> onAnswer, ArrayNode instances) {
        List<HostInfo> others = new ArrayList<>();
        for (StreamsMetadata m : streams.metadataForAllStreamsClients()) {
            if (!m.hostInfo().equals(self) && !others.contains(m.hostInfo())) {
                others.add(m.hostInfo());
            }
        }
        List<CompletableFuture<HttpResponse<String>>> calls = others.stream()
                .map(h -> http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://" + h.host() + ":" + h.port() + "/v1/quotas/local"))
                                .timeout(TIMEOUT)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        for (int i = 0; i < others.size(); i++) {
            String instance = others.get(i).host() + ":" + others.get(i).port();
            ObjectNode entry = instances.addObject().put("instance", instance);
            try {
                HttpResponse<String> response = calls.get(i).get();
                if (response.statusCode() != 200) {
                    entry.put("error", "HTTP " + response.statusCode());
                    continue;
                }
                JsonNode body = QuotaStatus.JSON.readTree(response.body());
                entry.put("state", body.path("state").asText());
                if (body.has("error")) {
                    entry.put("error", body.path("error").asText());
                }
                onAnswer.accept(instance, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                entry.put("error", "interrupted");
            } catch (Exception e) {
                entry.put("error", e.getCause() != null ? e.getCause().toString() : e.toString());
            }
        }
    }
}
