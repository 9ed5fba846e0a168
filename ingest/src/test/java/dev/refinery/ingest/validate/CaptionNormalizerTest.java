package dev.refinery.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptionNormalizerTest {

    private static final String ZWJ_EMOJI = "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    private static final String PERSIAN_WITH_ZWNJ = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";

    private final CaptionNormalizer normalizer = new CaptionNormalizer(ValidationLimits.defaults());

    static Stream<Arguments> normalizations() {
        return Stream.of(
                Arguments.of("  A  cat\t\ton\na mat  ", "A cat on a mat"),
                Arguments.of("line\r\nbreak", "line break"),
                Arguments.of("a\u2028b\u2029c\u0085d\u000Be\u000Cf", "a b c d e f"),
                Arguments.of("no\u0000nul\u0007bell\u007Fdel\u0080\u009Fc1", "nonulbelldelc1"),
                Arguments.of("a \u0000 b", "a b"),
                Arguments.of("zero\u200Bwidth\u2060joined\uFEFFbom", "zerowidthjoinedbom"),
                Arguments.of("\uFEFFleading bom", "leading bom"),
                Arguments.of("nbsp\u00A0and\u3000ideographic\u2009thin", "nbsp and ideographic thin"),
                Arguments.of("Cafe\u0301 A\u030Angstro\u0308m", "Caf\u00E9 \u00C5ngstr\u00F6m"),
                Arguments.of(ZWJ_EMOJI, ZWJ_EMOJI),
                Arguments.of(PERSIAN_WITH_ZWNJ, PERSIAN_WITH_ZWNJ),
                Arguments.of("Tom &amp; Jerry &lt;3", "Tom &amp; Jerry &lt;3"),
                Arguments.of("x", "x"));
    }

    @ParameterizedTest
    @MethodSource("normalizations")
    void shouldNormalizeWhiteSpaceControlsAndUnicodeForm(String raw, String expected) throws RejectedInputException {
        assertThat(normalizer.normalize(raw)).isEqualTo(expected);
        assertThat(normalizer.normalize(raw.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void shouldStripAUtf8ByteOrderMark() throws RejectedInputException {
        assertThat(normalizer.normalize(HexFormat.of().parseHex("efbbbf68656c6c6f")))
                .isEqualTo("hello");
    }

    @ParameterizedTest
    @ValueSource(strings = {"c3", "ff", "80", "c328", "c0af", "e080af", "eda080", "f4908080", "e282", "fe"})
    void shouldRejectInvalidUtf8Strictly(String hex) {
        assertThatThrownBy(() -> normalizer.normalize(HexFormat.of().parseHex("41" + hex)))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "caption.invalid_utf8")
                .hasMessageContaining("offset 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "a\uDE00b", "\uDE00\uD83D", "ok\uD83D"})
    void shouldRejectLoneSurrogatesInStrings(String text) {
        assertThatThrownBy(() -> normalizer.normalize(text))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "caption.invalid_utf8")
                .hasMessageContaining("lone surrogate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\r\n", "\u200B\uFEFF\u2060", "\u0000\u0001 \u0007"})
    void shouldRejectCaptionsThatAreEmptyAfterNormalization(String text) {
        assertReason(() -> normalizer.normalize(text), "caption.empty");
        assertReason(() -> normalizer.normalize(text.getBytes(StandardCharsets.UTF_8)), "caption.empty");
    }

    @Test
    void shouldRejectMissingCaptionsAsEmpty() {
        assertReason(() -> normalizer.normalize((String) null), "caption.empty");
        assertReason(() -> normalizer.normalize((byte[]) null), "caption.empty");
    }

    @Test
    void shouldRejectCaptionsOverTheLimitInCodePointsWithoutTruncating() throws RejectedInputException {
        var five = new CaptionNormalizer(new ValidationLimits(1, 1, 1, 5));

        assertThat(five.normalize("abcde")).isEqualTo("abcde");
        assertThat(five.normalize("\uD83D\uDE00".repeat(5))).hasSize(10); // five code points
        assertThat(five.normalize("e\u0301".repeat(5))).isEqualTo("\u00E9".repeat(5)); // counted after NFC
        assertThat(five.normalize("a" + " ".repeat(1000) + "b")).isEqualTo("a b"); // counted after collapsing
        assertThatThrownBy(() -> five.normalize("abcdef"))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "caption.too_long")
                .hasMessageContaining("6 code points")
                .hasMessageContaining("limit is 5");
    }

    private static void assertReason(ThrowingCall call, String reason) {
        assertThatThrownBy(call::run)
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", reason);
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }
}
