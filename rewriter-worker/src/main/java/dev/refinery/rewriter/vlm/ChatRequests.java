package dev.refinery.rewriter.vlm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refinery.rewriter.strategy.ImageAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;

/** Writes OpenAI chat-completions request bodies and reads {@code choices[0].message.content} from answers. */
final class ChatRequests {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final VlmConfig config;
    private final AitqePrompt prompt;

    ChatRequests(VlmConfig config) {
        this.config = config;
        this.prompt = new AitqePrompt(config.promptVersion(), config.scoreThreshold());
    }

    /** The image as a {@code data:} URL or a presigned URL, per {@link VlmConfig#imageMode()}. */
    String imageUrl(ImageAccess image) throws IOException {
        return switch (config.imageMode()) {
            case DATA_URL -> {
                String type = image.mediaType();
                String mediaType = type == null || type.isBlank() ? "image/jpeg" : type;
                yield "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(image.bytes());
            }
            case PRESIGNED_URL -> image.presignedUrl(config.presignTtl()).toString();
        };
    }

    /**
     * The request: system message, then a user message with the image part first (as VLMs are trained: image, then
     * question) and the prompt text; temperature, max_tokens and optionally {@code response_format: json_object}.
     */
    String body(String caption, String imageUrl) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", config.model());
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.system());
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "image_url").putObject("image_url").put("url", imageUrl);
        content.addObject().put("type", "text").put("text", prompt.user(caption));
        root.put("temperature", config.temperature());
        root.put("max_tokens", config.maxTokens());
        if (config.jsonResponseFormat()) {
            root.putObject("response_format").put("type", "json_object");
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code choices[0].message.content} of a chat completion: a string, or the joined text of content parts; empty
     * when the body is not a chat completion or the content is missing or blank.
     */
    static Optional<String> content(String responseBody) {
        JsonNode root;
        try {
            root = MAPPER.readTree(responseBody);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        JsonNode content = root == null
                ? null
                : root.path("choices").path(0).path("message").path("content");
        if (content == null) {
            return Optional.empty();
        }
        String text;
        if (content.isTextual()) {
            text = content.asText();
        } else if (content.isArray()) {
            StringBuilder joined = new StringBuilder();
            content.forEach(part -> joined.append(part.path("text").asText("")));
            text = joined.toString();
        } else {
            return Optional.empty();
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
