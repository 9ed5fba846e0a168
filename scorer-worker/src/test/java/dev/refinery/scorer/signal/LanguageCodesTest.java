package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.pemistahl.lingua.api.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageCodesTest {
    @Test
    void shouldParseIsoCodesCaseInsensitively() {
        LanguageSignal signal = LanguageSignal.ofIsoCodes(List.of("EN", " de ", "fr"), true);

        assertThat(signal.languages()).containsExactly(Language.ENGLISH, Language.GERMAN, Language.FRENCH);
        assertThat(signal.lowAccuracy()).isTrue();
        assertThat(signal.version()).isEqualTo("1-low");
        assertThat(LanguageSignal.ofIsoCodes(List.of(), false).languages()).isEqualTo(LanguageSignal.DEFAULT_LANGUAGES);
    }

    @Test
    void shouldRejectUnknownCodesAndSingleLanguages() {
        assertThatThrownBy(() -> LanguageSignal.ofIsoCodes(List.of("en", "xx"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xx'")
                .hasMessageContaining("de");
        assertThatThrownBy(() -> LanguageSignal.ofIsoCodes(List.of("en", "EN"), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LanguageSignal(List.of(Language.ENGLISH, Language.UNKNOWN), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteLowerCaseIsoCodes() {
        assertThat(LanguageCodes.code(Language.CHINESE)).isEqualTo("zh");
        assertThat(LanguageCodes.code(Language.BOKMAL)).isEqualTo("nb");
        assertThat(LanguageSignal.DEFAULT_LANGUAGES).hasSize(20).doesNotHaveDuplicates();
    }
}
