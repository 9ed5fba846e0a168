package dev.refinery.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.pipeline.IngestPipeline;
import dev.refinery.ingest.pipeline.IngestUnavailableException;
import dev.refinery.ingest.pipeline.Outcome;
import dev.refinery.ingest.publish.BackpressureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/pairs}: a batch of pairs as JSON lines, a JSON array, or multipart; per-item results. */
final class PairsHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(PairsHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IngestPipeline pipeline;
    private final InFlightLimiter limiter;
    private final long maxRequestBytes;
    private final Optional<String> token;

    PairsHandler(IngestPipeline pipeline, InFlightLimiter limiter, long maxRequestBytes, Optional<String> token) {
        this.pipeline = pipeline;
        this.limiter = limiter;
        this.maxRequestBytes = maxRequestBytes;
        this.token = token;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                Responses.error(ex, 405, "method_not_allowed", "use POST");
                return;
            }
            if (!authorized(ex)) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                Responses.error(ex, 401, "unauthorized", "missing or wrong bearer token");
                return;
            }
            long declared = parseLength(ex.getRequestHeaders().getFirst("Content-Length"));
            if (declared > maxRequestBytes) {
                Responses.error(ex, 413, "request.too_large", "body of " + declared + " bytes > " + maxRequestBytes);
                return;
            }
            int permits = limiter.tryAcquire(declared >= 0 ? declared : maxRequestBytes);
            if (permits < 0) {
                Responses.tooBusy(ex, "ingest holds too many request bytes in memory; retry later");
                return;
            }
            try {
                process(ex);
            } finally {
                limiter.release(permits);
            }
        }
    }

    private void process(HttpExchange ex) throws IOException {
        byte[] body = readLimited(ex.getRequestBody());
        if (body == null) {
            Responses.error(ex, 413, "request.too_large", "body larger than " + maxRequestBytes + " bytes");
            return;
        }
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type"))
                .orElse("");
        String source = Optional.ofNullable(ex.getRequestHeaders().getFirst("X-Refinery-Source"))
                .orElse("http");
        String trace = Optional.ofNullable(ex.getRequestHeaders().getFirst("X-Request-Id"))
                .orElse(UUID.randomUUID().toString());
        String origin = "http:" + ex.getRemoteAddress().getAddress().getHostAddress();
        List<Candidate> items;
        try {
            items = parse(body, type, source, origin);
        } catch (IllegalArgumentException e) {
            Responses.error(ex, 400, "request.malformed", e.getMessage());
            return;
        }
        try {
            List<Outcome> outcomes = pipeline.ingest(items, trace);
            Responses.json(ex, 200, results(outcomes));
        } catch (BackpressureException e) {
            Responses.tooBusy(ex, e.getMessage());
        } catch (IngestUnavailableException e) {
            log.warn("Ingest unavailable for a batch of {}: {}", items.size(), e.getMessage());
            ex.getResponseHeaders().set("Retry-After", "5");
            Responses.error(ex, 503, "ingest.unavailable", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.error(ex, 503, "ingest.stopping", "ingest is shutting down");
        }
    }

    private static List<Candidate> parse(byte[] body, String type, String source, String origin) {
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("multipart/form-data")) {
            List<Multipart.Part> parts = Multipart.parse(body, Multipart.boundary(type));
            Map<String, byte[]> byName = new HashMap<>();
            parts.forEach(p -> byName.put(p.name(), p.body()));
            if (byName.containsKey("pairs")) {
                return JsonItems.parse(byName.get("pairs"), source, origin, byName::get);
            }
            if (!byName.containsKey("image")) {
                throw new IllegalArgumentException("multipart needs a 'pairs' part or 'image' and 'caption' parts");
            }
            byte[] caption = byName.getOrDefault("caption", new byte[0]);
            return List.of(Candidate.of(
                    byName.get("image"),
                    null,
                    caption,
                    null,
                    dev.refinery.schemas.SourceKind.HTTP,
                    source,
                    null,
                    null,
                    Map.of(),
                    origin + "#0"));
        }
        if (lower.isEmpty()
                || lower.startsWith("application/json")
                || lower.startsWith("application/x-ndjson")
                || lower.startsWith("application/jsonl")
                || lower.startsWith("application/x-jsonlines")) {
            return JsonItems.parse(body, source, origin, null);
        }
        throw new IllegalArgumentException("unsupported Content-Type " + type
                + "; use application/x-ndjson, application/json or multipart/form-data");
    }

    private static ObjectNode results(List<Outcome> outcomes) {
        ObjectNode root = JSON.createObjectNode();
        Map<Outcome.Status, Integer> counts = new HashMap<>();
        ArrayNode results = root.putArray("results");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            counts.merge(o.status(), 1, Integer::sum);
            ObjectNode r = results.addObject()
                    .put("index", i)
                    .put("status", o.status().name().toLowerCase(Locale.ROOT));
            if (o.pairId() != null) {
                r.put("pair_id", o.pairId()).put("image_id", o.imageId());
            }
            if (o.status() == Outcome.Status.REJECTED || o.status() == Outcome.Status.SKIPPED) {
                r.put("reason", o.reason()).put("message", o.message());
            }
        }
        for (Outcome.Status s : Outcome.Status.values()) {
            root.put(s.name().toLowerCase(Locale.ROOT), counts.getOrDefault(s, 0));
        }
        return root;
    }

    private boolean authorized(HttpExchange ex) {
        if (token.isEmpty()) {
            return true;
        }
        String header = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"))
                .orElse("");
        byte[] expected = ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] readLimited(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
        return body.length > maxRequestBytes ? null : body;
    }

    private static long parseLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
