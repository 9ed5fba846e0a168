package dev.refinery.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.schemas.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationLimitsTest {

    @Test
    void shouldDefaultToPillowsPixelLimitAnd32MiB() {
        assertThat(ValidationLimits.defaults()).isEqualTo(new ValidationLimits(33_554_432L, 89_478_485L, 1, 4000));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 1, 1, 1, maxImageBytes",
        "1, 0, 1, 1, maxPixels",
        "1, 1, 0, 1, minSide",
        "1, 1, 1, -1, maxCaptionChars"
    })
    void shouldRefuseLimitsBelowOne(long bytes, long pixels, int minSide, int captionChars, String field) {
        assertThatThrownBy(() -> new ValidationLimits(bytes, pixels, minSide, captionChars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field);
    }

    @Test
    void shouldRefuseImageInfoWithUnknownFormatOrEmptySides() {
        assertThatThrownBy(() -> new ImageInfo(ImageFormat.UNKNOWN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageInfo(ImageFormat.PNG, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ImageInfo(ImageFormat.PNG, 65_535, 65_535).pixels()).isEqualTo(4_294_836_225L);
    }
}
