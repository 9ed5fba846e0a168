package dev.refinery.rewriter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The single steps behind {@link RuleRewriter}, where the crawl table would not show which step is at fault. */
class RuleStepsTest {
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Tom &amp; Jerry          | Tom & Jerry
            Tom &amp Jerry           | Tom & Jerry
            &#233;t&#xE9;            | été
            &Eacute;cole &ccedil;a   | École ça
            AT&T store               | AT&T store
            Sun&star pattern         | Sun&star pattern
            &unknown; entity         | &unknown; entity
            bad &#0;&#xD800;&#99999999; refs | bad  refs
            &amp;lt;b&amp;gt;bold    | bold
            """)
    void shouldDecodeEntitiesAndStripMarkup(String input, String expected) {
        assertThat(Markup.strip(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RED CAR FOR SALE                 | Red car for sale
            DR SMITH WITH HIS DOG            | Dr smith with his dog
            WORLD WAR II MEMORIAL            | World war II memorial
            COVID-19 TEST CENTER             | COVID-19 test center
            CNN STUDIO IN ATLANTA            | CNN studio in atlanta
            I LOVE NY                        | I love NY
            """)
    void shouldPutAllCapsInSentenceCaseKeepingAcronyms(String input, String expected) {
        assertThat(Casing.isAllCaps(input)).isTrue();
        assertThat(Casing.sentenceCase(input)).isEqualTo(expected);
    }

    @Test
    void shouldNotTreatShortOrMixedCaseAsAllCaps() {
        assertThat(Casing.isAllCaps("NIKE")).isFalse();
        assertThat(Casing.isAllCaps("SUMMER SALE at ZARA")).isFalse();
        assertThat(Casing.isAllCaps("東京タワー")).isFalse();
    }

    @Test
    void shouldCapitalizeFirstLetterOnlyOfPlainWords() {
        assertThat(Casing.capitalizeFirst("a cat")).isEqualTo("A cat");
        assertThat(Casing.capitalizeFirst("\"the starry night\"")).isEqualTo("\"The starry night\"");
        assertThat(Casing.capitalizeFirst("iPhone on a desk")).isEqualTo("iPhone on a desk");
        assertThat(Casing.capitalizeFirst("3d printer")).isEqualTo("3d printer");
    }

    @Test
    void shouldCountUnspacedScriptsByCharacterPairs() {
        assertThat(Text.units("富士山と桜の風景")).isEqualTo(4);
        assertThat(Text.units("画像")).isEqualTo(1);
        assertThat(Text.units("a red car , -")).isEqualTo(3);
    }

    @Test
    void shouldDropUnpairedSurrogatesAndInvisibleJunk() {
        assertThat(Spacing.normalize("a\uD800b\u200Bc\u00ADd \uD83D\uDE00")).isEqualTo("abcd \uD83D\uDE00");
    }

    @Test
    void shouldCollapseOnlyRunsOfThreeOrMore() {
        assertThat(Repetition.collapse("Bora Bora beach")).isEqualTo("Bora Bora beach");
        assertThat(Repetition.collapse("sale sale sale sale now")).isEqualTo("sale now");
        assertThat(Repetition.collapse("Sale! SALE! sale!")).isEqualTo("Sale!");
    }
}
