package dev.refinery.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP transport of the registry client: JSON requests, retries with exponential backoff and jitter on connection
 * failures and 5xx answers (rotating over the configured URLs), and mapping of 4xx error bodies to exceptions.
 */
final class RegistryHttp {
    private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** A 4xx answer: not retried, turned into an exception by the caller. */
    record ClientError(int status, int errorCode, String message) {}

    /** The answer of one call: a JSON body on 2xx, or a client error. */
    record Answer(JsonNode body, ClientError error) {
        boolean ok() {
            return error == null;
        }
    }

    private final RegistryClientConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private volatile int preferredUrl;

    RegistryHttp(RegistryClientConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.requestTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Answer get(String path) {
        return call("GET", path, null);
    }

    Answer post(String path, JsonNode body) {
        return call("POST", path, body);
    }

    Answer put(String path, JsonNode body) {
        return call("PUT", path, body);
    }

    private Answer call(String method, String path, JsonNode body) {
        Exception last = null;
        Duration backoff = config.initialBackoff();
        int urls = config.urls().size();
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            URI base = config.urls().get(Math.floorMod(preferredUrl, urls));
            try {
                HttpResponse<String> response = http.send(request(method, base, path, body), bodyHandler());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    String text = response.body();
                    return new Answer(text == null || text.isBlank() ? null : json.readTree(text), null);
                }
                if (status < 500 && status != 408 && status != 429) {
                    return new Answer(null, clientError(status, response.body()));
                }
                last = new IOException("HTTP " + status + " from " + base + path + ": " + abbreviate(response.body()));
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnavailableException("Interrupted while calling the schema registry", e);
            }
            preferredUrl++;
            if (attempt < config.maxAttempts()) {
                log.warn(
                        "Schema registry call {} {}{} failed (attempt {}/{}), retrying in {} ms: {}",
                        method,
                        base,
                        path,
                        attempt,
                        config.maxAttempts(),
                        backoff.toMillis(),
                        last.toString());
                sleep(jitter(backoff));
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
        throw new SchemaRegistryUnavailableException(
                "Schema registry unavailable at " + config.urls() + " for " + method + " " + path + " after "
                        + config.maxAttempts() + " attempts: " + last,
                last);
    }

    private HttpRequest request(String method, URI base, String path, JsonNode body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json");
        config.basicAuthUserInfo()
                .ifPresent(userInfo -> b.header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
    }

    private static HttpResponse.BodyHandler<String> bodyHandler() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private ClientError clientError(int status, String body) {
        int code = -1;
        String message = abbreviate(body);
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                code = node.path("error_code").asInt(-1);
                message = node.path("message").asText(message);
            }
        } catch (IOException notJson) {
            // keep the raw body as the message
        }
        return new ClientError(status, code, message);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }

    private static Duration jitter(Duration d) {
        long ms = d.toMillis();
        return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("Interrupted while waiting to retry the schema registry", e);
        }
    }
}
