package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaionSignalTest {
    private final LaionSignal signal = new LaionSignal();

    @ParameterizedTest(name = "[{index}] ''{0}'' too short: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        ""              | 1.0
        abcd            | 1.0
        abcde           | 0.0
        "   abcd   "    | 1.0
        "ab cd"         | 0.0
        猫が好き          | 1.0
        猫が好きだ        | 0.0
        👍🏽👍🏽👍           | 0.0
        👍🏽👍            | 1.0
        قطة سوداء       | 0.0
        """)
    void shouldFlagAltTextShorterThanFiveCodePointsAfterStripping(String caption, double tooShort) {
        Signal out = signal.compute(input(caption, 50_000)).get(0);

        assertThat(out).isEqualTo(new Signal("laion_alt_too_short", "1", tooShort, null));
    }

    @ParameterizedTest(name = "[{index}] {0} bytes too small: {1}")
    @CsvSource({"0, 1.0", "-1, 1.0", "4999, 1.0", "5119, 1.0", "5120, 0.0", "1000000, 0.0"})
    void shouldFlagImagesUnderFiveKibibytes(long bytes, double tooSmall) {
        Signal out = signal.compute(input("a long enough caption", bytes)).get(1);

        assertThat(out).isEqualTo(new Signal("laion_image_too_small", "1", tooSmall, null));
    }

    private static SignalInput input(String caption, long bytes) {
        return new SignalInput(caption, 640, 480, bytes, ImageFormat.WEBP, null);
    }
}
