package dev.refinery.selector.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.Signal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleTest {
    private static final SignalView SIGNALS = SignalView.of(
            0.31,
            List.of(
                    new Signal("caption_words", "1", 5.0, null),
                    new Signal("aspect_ratio", "1", 3.5, null),
                    new Signal("language", "1", 0.97, "EN"),
                    new Signal("aesthetic", "1", null, "error"),
                    new Signal("nsfw", "1", Double.NaN, null)));

    @Test
    void shouldApplyMinInclusively() {
        assertThat(new Rule("caption_words", 5.0, null, null, null, false).check(SIGNALS))
                .isEmpty();
        assertThat(new Rule("caption_words", 6.0, null, null, null, false).check(SIGNALS))
                .contains(new Rejection("rule:caption_words", "caption_words=5.0 < min 6.0"));
    }

    @Test
    void shouldApplyMaxInclusively() {
        assertThat(new Rule("aspect_ratio", null, 3.5, null, null, false).check(SIGNALS))
                .isEmpty();
        assertThat(reason(new Rule("aspect_ratio", null, 3.0, null, null, false)))
                .contains("rule:aspect_ratio");
    }

    @Test
    void shouldReadTheTopLevelClipScore() {
        assertThat(new Rule("clip_score", 0.28, null, null, null, false).check(SIGNALS))
                .isEmpty();
        assertThat(reason(new Rule("clip_score", 0.32, null, null, null, false)))
                .contains("rule:clip_score");
        assertThat(reason(new Rule("clip_score", 0.28, null, null, null, false), SignalView.of(null, List.of())))
                .contains("rule:clip_score:missing");
    }

    @Test
    void shouldCompareLabelsIgnoringCase() {
        assertThat(new Rule("language", null, null, List.of("en", "de"), null, false).check(SIGNALS))
                .isEmpty();
        assertThat(reason(new Rule("language", null, null, List.of("fr"), null, false)))
                .contains("rule:language");
        assertThat(reason(new Rule("language", null, null, null, List.of("en"), false)))
                .contains("rule:language");
        assertThat(new Rule("language", null, null, null, List.of("und"), false).check(SIGNALS))
                .isEmpty();
    }

    @Test
    void shouldAndTheOperatorsOfOneRule() {
        Rule confidentEnglish = new Rule("language", 0.98, null, List.of("en"), null, false);

        assertThat(reason(confidentEnglish)).contains("rule:language");
        assertThat(new Rule("language", 0.9, null, List.of("en"), null, false).check(SIGNALS))
                .isEmpty();
    }

    @Test
    void shouldFailOrPassMissingSignalsAsConfigured() {
        assertThat(reason(new Rule("min_side", 200.0, null, null, null, false))).contains("rule:min_side:missing");
        assertThat(new Rule("min_side", 200.0, null, null, null, true).check(SIGNALS))
                .isEmpty();
        assertThat(reason(new Rule("aesthetic", 5.0, null, null, null, false))).contains("rule:aesthetic:missing");
        assertThat(reason(new Rule("nsfw", null, 0.5, null, null, false))).contains("rule:nsfw:missing");
        assertThat(reason(new Rule("caption_words", null, null, List.of("x"), null, false)))
                .contains("rule:caption_words:missing");
    }

    private static Optional<String> reason(Rule rule) {
        return reason(rule, SIGNALS);
    }

    private static Optional<String> reason(Rule rule, SignalView signals) {
        return rule.check(signals).map(Rejection::reason);
    }
}
