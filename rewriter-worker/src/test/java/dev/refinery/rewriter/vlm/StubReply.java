package dev.refinery.rewriter.vlm;

import java.util.HashMap;
import java.util.Map;

/**
 * One scripted answer of {@link OpenAiStubServer}.
 *
 * @param status HTTP status
 * @param content the assistant message content of a 200 chat completion (null is sent as JSON null)
 * @param rawBody a body sent as is instead of a chat completion, or null
 * @param delayMillis wait before answering
 * @param headers extra response headers
 */
public record StubReply(int status, String content, String rawBody, long delayMillis, Map<String, String> headers) {
    static final String GOOD_JSON = "{\"overall_score\": 2, \"recaption\": \"A brown dog runs on a sandy beach.\"}";

    public StubReply {
        headers = Map.copyOf(headers);
    }

    /** A 200 chat completion whose message content is {@code content}. */
    public static StubReply answer(String content) {
        return new StubReply(200, content, null, 0, Map.of());
    }

    /** A 200 chat completion with {@link #GOOD_JSON}. */
    public static StubReply good() {
        return answer(GOOD_JSON);
    }

    /** An OpenAI-style error body with this status. */
    public static StubReply error(int status, String message) {
        String body = "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,"
                + "\"code\":" + status + "}}";
        return raw(status, body);
    }

    /** This status and body, as is. */
    public static StubReply raw(int status, String body) {
        return new StubReply(status, null, body, 0, Map.of());
    }

    public StubReply delayed(long millis) {
        return new StubReply(status, content, rawBody, millis, headers);
    }

    public StubReply withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new StubReply(status, content, rawBody, delayMillis, more);
    }
}
