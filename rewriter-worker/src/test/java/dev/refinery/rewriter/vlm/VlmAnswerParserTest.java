package dev.refinery.rewriter.vlm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.rewriter.strategy.RewriteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VlmAnswerParserTest {
    private static final String ORIGINAL = "IMG_0042.JPG";
    private final VlmAnswerParser parser = new VlmAnswerParser("m", AitqePrompt.PROMPT_VERSION, 6);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"overall_score\": 2, \"recaption\": \"A dog on a beach.\"}",
                "```json\n{\"overall_score\": 2, \"recaption\": \"A dog on a beach.\"}\n```",
                "Here is my evaluation:\n{\"score\": \"2\", \"caption\": \"A dog on a beach.\"}\nHope this helps {:}",
                "{'Overall Score': '2/10', 'Recaption': 'A dog on a beach.'}",
                "{\"Recaption\": \"A dog on a beach.\", \"Overall Score\": \"2<Overall>\", \"Text Quality Score\": 3}",
                "{\"result\": {\"overallScore\": 2.0, \"recaption\": \"  A dog   on a\\nbeach. \"}}",
                "**Overall Score**: 2\n**Recaption**: A dog on a beach."
            })
    void shouldReadScoreAndRecaptionInTheFormsModelsUse(String content) {
        RewriteResult result = parser.interpret(content, ORIGINAL);

        assertThat(result).isEqualTo(new RewriteResult.Rewritten("A dog on a beach.", "m", "aitqe/1", 2.0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"overall_score\": 8, \"recaption\": \"\"}",
                "{\"overall_score\": 8}",
                "{\"overall_score\": 6, \"recaption\": \"A dog on a beach.\"}",
                "{\"overall_score\": 2, \"recaption\": \" img_0042.jpg. \"}",
                "{\"recaption\": \"\"}"
            })
    void shouldKeepTheCaptionWhenTheModelFindsItFine(String content) {
        RewriteResult result = parser.interpret(content, ORIGINAL);

        assertThat(result).isInstanceOfSatisfying(RewriteResult.Failed.class, f -> assertThat(f.reason())
                .isEqualTo("rewrite.unchanged"));
    }

    @Test
    void shouldReportALowScoreWithoutRecaptionAsEmpty() {
        RewriteResult result = parser.interpret("{\"overall_score\": 1, \"recaption\": null}", ORIGINAL);

        assertThat(result).isInstanceOfSatisfying(RewriteResult.Failed.class, f -> assertThat(f.reason())
                .isEqualTo("rewrite.empty"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I cannot evaluate this image.",
                "{\"verdict\": \"bad\"}",
                "{\"overall_score\": \"high\", \"recaption\": \"A dog.\"}",
                "{\"overall_score\": 75, \"recaption\": \"A dog.\"}",
                "{\"overall_score\": 2, \"recaption\": \"A dog",
                "   "
            })
    void shouldTreatMalformedAnswerAsFailure(String content) {
        RewriteResult result = parser.interpret(content, ORIGINAL);

        assertThat(result).isInstanceOfSatisfying(RewriteResult.Failed.class, f -> assertThat(f.reason())
                .isEqualTo("rewrite.malformed_answer"));
    }

    @Test
    void shouldRejectAnAbsurdlyLongRecaption() {
        String essay = "word ".repeat(300);

        RewriteResult result = parser.interpret("{\"overall_score\": 1, \"recaption\": \"" + essay + "\"}", ORIGINAL);

        assertThat(result).isInstanceOfSatisfying(RewriteResult.Failed.class, f -> assertThat(f.reason())
                .isEqualTo("rewrite.malformed_answer"));
    }

    @Test
    void shouldAcceptARecaptionWithoutScore() {
        RewriteResult result = parser.interpret("{\"recaption\": \"\\\"A red bus.\\\"\"}", ORIGINAL);

        assertThat(result).isEqualTo(new RewriteResult.Rewritten("A red bus.", "m", "aitqe/1", null));
    }

    @Test
    void shouldParseTheScoreOfAitqesOwnOutput() {
        String aitqe = "{\"Recaption\": \"A man stands in front of a checklist.\", \"Overall Score\": \"2<Overall>\","
                + " \"Overall Explanation\": \"The caption is vague.\", \"Image-Text Matching Score\": 2}";

        assertThat(VlmAnswerParser.parse(aitqe)).contains(new VlmAnswer(2.0, "A man stands in front of a checklist."));
    }
}
