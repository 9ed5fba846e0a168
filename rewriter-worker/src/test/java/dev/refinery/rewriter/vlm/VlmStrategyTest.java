package dev.refinery.rewriter.vlm;

import static dev.refinery.rewriter.vlm.VlmTestSupport.CAPTION;
import static dev.refinery.rewriter.vlm.VlmTestSupport.MODEL;
import static dev.refinery.rewriter.vlm.VlmTestSupport.config;
import static dev.refinery.rewriter.vlm.VlmTestSupport.reason;
import static dev.refinery.rewriter.vlm.VlmTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refinery.rewriter.strategy.RewriteRequest;
import dev.refinery.rewriter.strategy.RewriteResult;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VlmStrategyTest {
    private final OpenAiStubServer server = new OpenAiStubServer(MODEL, "sk-test");
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private VlmStrategy strategy = strategy(config(server).apiKey("sk-test").build());

    VlmStrategyTest() throws Exception {}

    @AfterEach
    void tearDown() {
        strategy.close();
        server.close();
    }

    @Test
    void shouldRewriteAPoorCaptionWithTheModelsRecaption() {
        RewriteResult result = strategy.rewrite(request());

        assertThat(result)
                .isEqualTo(new RewriteResult.Rewritten(
                        "A brown dog runs on a sandy beach.", MODEL, AitqePrompt.PROMPT_VERSION, 2.0));
        assertThat(strategy.name()).isEqualTo("vlm");
    }

    @Test
    void shouldSendAnOpenAiChatRequestWithTheImageAsADataUrl() {
        strategy.rewrite(request());

        OpenAiStubServer.Recorded sent = server.requests().getFirst();
        JsonNode body = sent.body();
        assertThat(sent.authorization()).isEqualTo("Bearer sk-test");
        assertThat(body.path("model").asText()).isEqualTo(MODEL);
        assertThat(body.path("temperature").asDouble()).isZero();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        JsonNode parts = body.path("messages").get(1).path("content");
        assertThat(parts.get(0).path("image_url").path("url").asText())
                .isEqualTo("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(TestImage.JPEG));
        assertThat(parts.get(1).path("text").asText()).contains("\"" + CAPTION + "\"", "overall_score", "recaption");
    }

    @Test
    void shouldSendAPresignedUrlAndNoResponseFormatWhenConfigured() {
        strategy.close();
        strategy = strategy(config(server)
                .apiKey("sk-test")
                .imageMode(ImageMode.PRESIGNED_URL)
                .jsonResponseFormat(false)
                .build());

        assertThat(strategy.rewrite(request())).isInstanceOf(RewriteResult.Rewritten.class);

        JsonNode body = server.requests().getFirst().body();
        assertThat(body.path("messages")
                        .get(1)
                        .path("content")
                        .get(0)
                        .path("image_url")
                        .path("url")
                        .asText())
                .isEqualTo(TestImage.PRESIGNED.toString());
        assertThat(body.has("response_format")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "```json\n{\"overall_score\": 3, \"recaption\": \"A red bus.\"}\n```",
                "Sure! Here is the evaluation.\n{\"overall_score\": \"3\", \"recaption\": \"A red bus.\"}\nThanks."
            })
    void shouldReadFencedAndProseWrappedAnswers(String content) {
        server.enqueue(StubReply.answer(content));

        assertThat(strategy.rewrite(request()))
                .isEqualTo(new RewriteResult.Rewritten("A red bus.", MODEL, AitqePrompt.PROMPT_VERSION, 3.0));
    }

    @Test
    void shouldKeepAGoodCaptionUnchanged() {
        server.enqueue(StubReply.answer("{\"overall_score\": 9, \"recaption\": \"\"}"));

        assertThat(reason(strategy.rewrite(request()))).isEqualTo("rewrite.unchanged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"overall_score\": 2, \"recaption\": \"A dog", "no json here", ""})
    void shouldTreatMalformedAnswerAsFailureWithoutRetrying(String content) {
        server.enqueue(StubReply.answer(content));

        assertThat(reason(strategy.rewrite(request()))).isEqualTo("rewrite.malformed_answer");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(strategy.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldTreatNullContentAndANonCompletionBodyAsMalformed() {
        server.enqueue(StubReply.answer(null), StubReply.raw(200, "<html>ok</html>"));

        assertThat(reason(strategy.rewrite(request()))).isEqualTo("rewrite.malformed_answer");
        assertThat(reason(strategy.rewrite(request()))).isEqualTo("rewrite.malformed_answer");
    }

    @Test
    void shouldReportAnUnreadableImageWithoutARequest() {
        RewriteResult result = strategy.rewrite(request(TestImage.missing()));

        assertThat(reason(result)).isEqualTo("rewrite.image_unavailable");
        assertThat(((RewriteResult.Failed) result).message()).contains("NoSuchKey");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void shouldNeverThrowOnAnOddRequest() {
        RewriteRequest noImage = new RewriteRequest("p", CAPTION, Map.of(), List.of(), null);
        RewriteRequest noCaption = new RewriteRequest("p", null, Map.of(), List.of(), TestImage.jpeg());

        assertThat(reason(strategy.rewrite(noImage))).isEqualTo("rewrite.image_unavailable");
        assertThat(reason(strategy.rewrite(noCaption))).isEqualTo("rewrite.internal_error");
    }

    @Test
    void shouldReturnInterruptedAndKeepTheFlagWhenTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();

        RewriteResult result = strategy.rewrite(request());

        assertThat(Thread.interrupted()).isTrue();
        assertThat(reason(result)).isEqualTo("rewrite.interrupted");
        assertThat(server.requestCount()).isZero();
    }

    private VlmStrategy strategy(VlmConfig config) {
        return new VlmStrategy(config, System::nanoTime, sleeper);
    }
}
