package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptionStatsSignalTest {
    private final CaptionStatsSignal signal = new CaptionStatsSignal();

    /** Expected values are Python's {@code len(caption.split())} and {@code len(caption)}. */
    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1} words, {2} chars")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        ""                                  | 0 | 0
        "   "                               | 0 | 3
        a cat                               | 2 | 5
        "  padded   with  spaces  "         | 3 | 25
        A black cat sleeping on a red sofa  | 8 | 34
        👍🏽 great                             | 2 | 8
        🇩🇪                                  | 1 | 2
        沙发上的黑猫                            | 1 | 6
        แมวดำบนโซฟา                         | 1 | 11
        قطة سوداء على الأريكة               | 4 | 21
        "Ein Hund, der im Schnee spielt"    | 6 | 30
        """)
    void shouldCountWordsLikePythonSplitAndCharsAsCodePoints(String caption, int words, int chars) {
        assertThat(signal.compute(input(caption)))
                .containsExactly(
                        new Signal("caption_words", "1", (double) words, null),
                        new Signal("caption_chars", "1", (double) chars, null));
    }

    @Test
    void shouldSplitOnUnicodeSpacesLikePythonButNotOnZeroWidthSpace() {
        assertThat(words("a\u00a0b")).isEqualTo(2); // no-break space
        assertThat(words("猫\u3000犬")).isEqualTo(2); // ideographic space
        assertThat(words("line\nbreak\ttab\u2029para")).isEqualTo(4);
        assertThat(words("a\u0085b")).isEqualTo(2); // NEL
        assertThat(words("a\u200bb")).isEqualTo(1); // zero-width space is not whitespace in Python either
        assertThat(words("👨\u200d👩\u200d👧 family")).isEqualTo(2);
    }

    @Test
    void shouldTreatNullCaptionAsEmpty() {
        SignalInput in = new SignalInput(null, 10, 10, 10, null, null);

        assertThat(in.caption()).isEmpty();
        assertThat(in.format()).isEqualTo(ImageFormat.UNKNOWN);
        assertThat(signal.compute(in)).extracting(Signal::getValue).containsExactly(0.0, 0.0);
    }

    private double words(String caption) {
        return signal.compute(input(caption)).get(0).getValue();
    }

    private static SignalInput input(String caption) {
        return new SignalInput(caption, 640, 480, 50_000, ImageFormat.JPEG, 0.3);
    }
}
