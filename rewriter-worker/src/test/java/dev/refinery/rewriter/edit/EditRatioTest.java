package dev.refinery.rewriter.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditRatioTest {
    @ParameterizedTest(name = "[{index}] \"{0}\" vs \"{1}\" = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a red car                        | a red car                   | 0.0
            a red car                        | a blue car                  | 0.3333333333333333
            red red red car                  | red car                     | 0.5
            IMG_0042.JPG                     | Golden retriever            | 1.0
            photo of a red fox in the snow   | a red fox in the snow       | 0.25
            RED CAR                          | Red car                     | 0.0
            a b c d                          | d c b a                     | 1.0
            cat                              | cat.                        | 1.0
            """)
    void shouldMeasureTokenEditsOverLongerLength(String original, String rewrite, double expected) {
        assertThat(EditRatio.of(original, rewrite)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void shouldBeZeroForTwoEmptyTexts() {
        assertThat(EditRatio.of("", "")).isZero();
        assertThat(EditRatio.of(null, " \t\u00a0")).isZero();
    }

    @Test
    void shouldBeOneWhenExactlyOneSideIsEmpty() {
        assertThat(EditRatio.of("", "a cat")).isEqualTo(1.0);
        assertThat(EditRatio.of("a cat", null)).isEqualTo(1.0);
    }

    @Test
    void shouldSplitOnUnicodeSpacesAndIgnoreRepeatedSpaces() {
        assertThat(EditRatio.of("a\u00a0red\u2009car", "a  red\tcar")).isZero();
    }

    @Test
    void shouldMeasureCjkPerCharacter() {
        assertThat(WordTokens.of("富士山と桜")).containsExactly("富", "士", "山", "と", "桜");
        assertThat(EditRatio.of("富士山と桜の風景", "富士山と桜")).isCloseTo(3.0 / 8, within(1e-12));
    }

    @Test
    void shouldBeSymmetricAndWithinUnitInterval() {
        String a = "cheap hotel deals paris rome london";
        String b = "a hotel in rome at night";

        assertThat(EditRatio.of(a, b)).isEqualTo(EditRatio.of(b, a)).isBetween(0.0, 1.0);
    }

    @Test
    void shouldMeasureSmallEditInHugeCaptionExactly() {
        String tail = " word".repeat(50_000);

        assertThat(EditRatio.of("alpha" + tail, "beta" + tail)).isCloseTo(1.0 / 50_001, within(1e-12));
    }

    @Test
    void shouldBoundWorkAndGiveUpperBoundBeyondTokenCap() {
        List<String> a = Collections.nCopies(10_000, "x");
        List<String> b = Collections.nCopies(10_000, "y");

        long start = System.nanoTime();
        int distance = EditRatio.distance(a, b);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(distance).isEqualTo(10_000);
        assertThat(millis).isLessThan(2_000);
        assertThat(EditRatio.of("x ".repeat(10_000), "y ".repeat(10_000))).isEqualTo(1.0);
    }
}
