package dev.refinery.rewriter.vlm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** The request checks of {@link OpenAiStubServer}, answering like a real server does: 400, 401, 404 or 415. */
final class StubRequestCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StubRequestCheck() {}

    /** A 4xx reply for a bad request, or null when the request is a well-formed vision chat request. */
    static StubReply problem(HttpExchange exchange, String auth, byte[] body, String model, String apiKey) {
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("POST") || !path.endsWith("/chat/completions")) {
            return StubReply.error(404, "Not Found");
        }
        if (apiKey != null && !("Bearer " + apiKey).equals(auth)) {
            return StubReply.error(401, "Incorrect API key provided");
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!contentType.startsWith("application/json")) {
            return StubReply.error(415, "Unsupported Media Type");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException e) {
            return StubReply.error(400, "body is not JSON");
        }
        if (!model.equals(json.path("model").asText())) {
            return StubReply.error(404, "The model does not exist.");
        }
        JsonNode messages = json.path("messages");
        boolean hasImage = false;
        boolean hasText = false;
        for (JsonNode message : messages) {
            for (JsonNode part : message.path("content")) {
                String url = part.path("image_url").path("url").asText("");
                hasImage |= part.path("type").asText().equals("image_url")
                        && (url.startsWith("data:image/") || url.startsWith("http"));
                hasText |= part.path("type").asText().equals("text")
                        && !part.path("text").asText().isBlank();
            }
        }
        if (!messages.isArray()
                || !hasImage
                || !hasText
                || !json.path("max_tokens").canConvertToInt()) {
            return StubReply.error(400, "messages need a text and an image_url part; max_tokens is required");
        }
        return null;
    }
}
