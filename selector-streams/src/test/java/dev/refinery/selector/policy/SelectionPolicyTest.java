package dev.refinery.selector.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelectionPolicyTest {
    static final String PROPORTIONAL = """
            {"type": "proportional", "alpha": 0.1,
             "weights": {"clip_score": 1.0, "aesthetic": 0.5, "caption_words": 0.01},
             "rules": [{"signal": "caption_words", "min": 2}, {"signal": "language", "label_in": ["en"]},
                       {"signal": "min_side", "min": 200}, {"signal": "aspect_ratio", "max": 3.0},
                       {"signal": "laion_alt_too_short", "max": 0}]}
            """;
    static final String LOWEST = """
            {"type": "lowest", "signal": "perplexity", "fraction": 0.2, "missing_signal": "reject"}
            """;
    static final String THRESHOLD = """
            {"type": "threshold", "signal": "clip_score", "min": 0.28,
             "rules": [{"signal": "laion_image_too_small", "max": 0, "missing": "pass"}]}
            """;
    static final String CAP = """
            {"type": "cap", "max_per_cluster": 500, "weights": {"clip_score": 1}}
            """;

    @Test
    void shouldParseOneExampleOfEachType() {
        assertThat(SelectionPolicy.parse(PROPORTIONAL)).isInstanceOfSatisfying(ProportionalPolicy.class, p -> {
            assertThat(p.name()).isEqualTo("proportional");
            assertThat(p.alpha()).isEqualTo(0.1);
            assertThat(p.weights()).containsEntry("aesthetic", 0.5).hasSize(3);
            assertThat(p.rules())
                    .extracting(Rule::signal)
                    .containsExactly("caption_words", "language", "min_side", "aspect_ratio", "laion_alt_too_short");
            assertThat(p.quota()).hasValueSatisfying(q -> assertThat(q.window()).isEqualTo(4096));
        });
        assertThat(SelectionPolicy.parse(LOWEST)).isInstanceOfSatisfying(LowestPolicy.class, p -> {
            assertThat(p.fraction()).isEqualTo(0.2);
            assertThat(p.ranking())
                    .hasValueSatisfying(r -> assertThat(r.lowerIsBetter()).isTrue());
        });
        assertThat(SelectionPolicy.parse(THRESHOLD)).isInstanceOfSatisfying(ThresholdPolicy.class, p -> {
            assertThat(p.min()).isEqualTo(0.28);
            assertThat(p.quota()).isEmpty();
            assertThat(p.rules().getFirst().passWhenMissing()).isTrue();
        });
        assertThat(SelectionPolicy.parse(CAP)).isInstanceOfSatisfying(CapPolicy.class, p -> {
            assertThat(p.maxPerCluster()).isEqualTo(500);
            assertThat(p.quota()).hasValueSatisfying(q -> assertThat(q.cap()).isEqualTo(500));
        });
    }

    @Test
    void shouldWriteASortedCompactCanonicalFormWithDefaultsSpelledOut() {
        SelectionPolicy p = SelectionPolicy.parse("""
                { "weights" : {"b": 2, "a": 0.5}, "alpha": 1E-1, "type": "proportional" }
                """);

        assertThat(p.canonicalJson())
                .isEqualTo("{\"alpha\":0.1,\"missing_signal\":\"reject\",\"rules\":[],\"tolerance\":0.01,"
                        + "\"type\":\"proportional\",\"warmup\":100,\"weights\":{\"a\":0.5,\"b\":2.0},"
                        + "\"window\":4096}");
        assertThat(p.hash()).hasSize(64).matches("[0-9a-f]+");
        assertThat(SelectionPolicy.parse(p.canonicalJson())).isEqualTo(p);
    }

    @Test
    void shouldHashTheMeaningNotTheSpelling() {
        String reordered = """
                {"rules": [{"min": 2, "signal": "caption_words"}, {"label_in": ["EN"], "signal": "language"},
                           {"signal": "min_side", "min": 200.0}, {"max": 3, "signal": "aspect_ratio"},
                           {"signal": "laion_alt_too_short", "max": 0.0, "missing": "fail"}],
                 "weights": {"caption_words": 0.01, "clip_score": 1, "aesthetic": 0.5},
                 "window": 4096, "tolerance": 0.01, "missing_signal": "reject",
                 "type": "proportional", "alpha": 0.10}""";
        String base = SelectionPolicy.parse(PROPORTIONAL).hash();

        assertThat(SelectionPolicy.parse(reordered).hash()).isEqualTo(base);
        assertThat(SelectionPolicy.parse(PROPORTIONAL.replace("0.1,", "0.12,")).hash())
                .isNotEqualTo(base);
        assertThat(SelectionPolicy.parse(PROPORTIONAL.replace("\"min\": 200", "\"min\": 201"))
                        .hash())
                .isNotEqualTo(base);
        assertThat(SelectionPolicy.parse(LOWEST).hash())
                .isNotEqualTo(
                        SelectionPolicy.parse(LOWEST.replace("0.2", "0.25")).hash());
        String respelled = THRESHOLD.replace("\n", " ").replace("\"min\": 0.28", "\"min\":2.8e-1");
        assertThat(SelectionPolicy.parse(respelled).hash())
                .isEqualTo(SelectionPolicy.parse(THRESHOLD).hash());
        assertThat(SelectionPolicy.parse(CAP).hash())
                .isNotEqualTo(SelectionPolicy.parse(CAP.replace("500", "501")).hash());
    }

    @Test
    void shouldNormaliseRuleLabels() {
        Rule rule = SelectionPolicy.parse("""
                {"type": "cap", "max_per_cluster": 5, "rules": [{"signal": "language", "label_in": ["FR", "en", "fr"]}]}
                """).rules().getFirst();

        assertThat(rule.labelIn()).containsExactly("en", "fr");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{\"alpha\": 0.1}",
                "{\"type\": \"random\"}",
                "{\"type\": \"proportional\", \"alpha\": 0, \"weights\": {\"clip_score\": 1}}",
                "{\"type\": \"proportional\", \"alpha\": 1.5, \"weights\": {\"clip_score\": 1}}",
                "{\"type\": \"proportional\", \"alpha\": 0.1}",
                "{\"type\": \"proportional\", \"alpha\": 0.1, \"weights\": {\"clip_score\": 0}}",
                "{\"type\": \"proportional\", \"alpha\": \"0.1\", \"weights\": {\"clip_score\": 1}}",
                "{\"type\": \"proportional\", \"alpha\": 0.1, \"weights\": {\"clip_score\": 1}, \"colour\": 1}",
                "{\"type\": \"proportional\", \"alpha\": 0.1, \"alpha\": 0.2, \"weights\": {\"clip_score\": 1}}",
                "{\"type\": \"proportional\", \"alpha\": 0.1, \"weights\": {\"clip_score\": 1}, \"window\": 2}",
                "{\"type\": \"proportional\", \"alpha\": 0.1, \"weights\": {\"c\": 1}, \"missing_signal\": \"skip\"}",
                "{\"type\": \"lowest\", \"fraction\": 0.2}",
                "{\"type\": \"threshold\", \"signal\": \"clip_score\"}",
                "{\"type\": \"threshold\", \"signal\": \"clip_score\", \"min\": 0.2, \"window\": 64}",
                "{\"type\": \"cap\"}",
                "{\"type\": \"cap\", \"max_per_cluster\": 0}",
                "{\"type\": \"cap\", \"max_per_cluster\": 2.5}",
                "{\"type\": \"cap\", \"max_per_cluster\": 5, \"rules\": [{\"signal\": \"x\"}]}",
                "{\"type\": \"cap\", \"max_per_cluster\": 5, \"rules\": [{\"signal\": \"x\", \"min\": 2, \"max\": 1}]}",
                "{\"type\": \"cap\", \"max_per_cluster\": 5, \"rules\": [{\"signal\": \"x\", \"min\": 1, \"op\": 1}]}",
                "{\"type\": \"cap\", \"max_per_cluster\": 5, \"rules\": [{\"signal\": \"x\", \"max\": 1, "
                        + "\"missing\": \"skip\"}]}",
            })
    void shouldRejectInvalidDocuments(String json) {
        assertThatThrownBy(() -> SelectionPolicy.parse(json)).isInstanceOf(InvalidPolicyException.class);
    }

    @Test
    void shouldNameTheOffendingField() {
        assertThatThrownBy(() -> SelectionPolicy.parse("{\"type\": \"cap\", \"max_per_cluster\": 5, \"rules\": "
                        + "[{\"signal\": \"x\", \"min\": 1}, {\"signal\": \"y\", \"mni\": 1}]}"))
                .hasMessageContaining("policy.rules[1]")
                .hasMessageContaining("mni");
        assertThat(new ThresholdPolicy("clip_score", 0.28, null, List.of(), null).missingSignal())
                .isEqualTo(MissingSignal.REJECT);
        assertThat(new CapPolicy(3, Map.of(), null, List.of()).ranking()).isEmpty();
    }
}
