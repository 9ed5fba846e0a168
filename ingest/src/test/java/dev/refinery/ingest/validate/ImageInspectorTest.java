package dev.refinery.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.schemas.ImageFormat;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageInspectorTest {

    private final ImageInspector inspector = new ImageInspector(ValidationLimits.defaults());

    static Stream<Arguments> validImages() {
        return Stream.of(
                Arguments.of("baseline JPEG", TestImages.jpeg(37, 21), ImageFormat.JPEG, 37, 21),
                Arguments.of("progressive JPEG", TestImages.progressiveJpeg(64, 48), ImageFormat.JPEG, 64, 48),
                Arguments.of("PNG", TestImages.write("png", 21, 37), ImageFormat.PNG, 21, 37),
                Arguments.of("GIF", TestImages.write("gif", 30, 10), ImageFormat.GIF, 30, 10),
                Arguments.of("1x1 PNG", TestImages.write("png", 1, 1), ImageFormat.PNG, 1, 1),
                Arguments.of("WebP VP8", HandBuiltImages.webpVp8(640, 480), ImageFormat.WEBP, 640, 480),
                Arguments.of("WebP VP8L", HandBuiltImages.webpVp8l(16384, 3), ImageFormat.WEBP, 16384, 3),
                Arguments.of("WebP VP8X", HandBuiltImages.webpVp8x(3000, 2000), ImageFormat.WEBP, 3000, 2000),
                Arguments.of("WebP VP8X 1x1", HandBuiltImages.webpVp8x(1, 1), ImageFormat.WEBP, 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validImages")
    void shouldReadFormatAndSizeFromHeaders(String name, byte[] bytes, ImageFormat format, int width, int height)
            throws RejectedInputException {
        assertThat(inspector.inspect(bytes)).isEqualTo(new ImageInfo(format, width, height));
    }

    @Test
    void shouldRejectEmptyAndNullInput() {
        assertReason(new byte[0], "image.empty");
        assertReason(null, "image.empty");
    }

    @Test
    void shouldRejectImagesOverTheByteLimitBeforeLookingAtThem() {
        var small = new ImageInspector(new ValidationLimits(100, 1_000_000, 1, 10));
        byte[] png = TestImages.write("png", 40, 40);

        assertThatThrownBy(() -> small.inspect(png))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "image.too_large")
                .hasMessageContaining(png.length + " bytes")
                .hasMessageContaining("100");
    }

    static Stream<Arguments> bombHeaders() {
        return Stream.of(
                Arguments.of("PNG IHDR alone", HandBuiltImages.png(50_000, 50_000, false)),
                Arguments.of("complete PNG", HandBuiltImages.png(50_000, 50_000, true)),
                Arguments.of("GIF screen descriptor alone", HandBuiltImages.gif(50_000, 50_000, false)),
                Arguments.of("WebP VP8X header alone", Arrays.copyOf(HandBuiltImages.webpVp8x(50_000, 50_000), 30)),
                Arguments.of(
                        "JPEG SOF0 alone",
                        TestImages.concat(
                                HexFormat.of().parseHex("ffd8ffc0001108"),
                                TestImages.be32(50_000L << 16 | 50_000),
                                HexFormat.of().parseHex("03011100021101031101"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombHeaders")
    void shouldRejectDecompressionBombFromHeaderWithoutDecoding(String name, byte[] header) {
        // these inputs are headers without pixel data: nothing could decode them
        assertThatThrownBy(() -> inspector.inspect(header))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "image.decompression_bomb")
                .hasMessageContaining("50000x50000")
                .hasMessageContaining("89478485");
    }

    @Test
    void shouldAcceptExactlyThePixelLimit() throws RejectedInputException {
        var limits = new ValidationLimits(1 << 20, 640 * 480, 1, 10);

        assertThat(new ImageInspector(limits)
                        .inspect(HandBuiltImages.webpVp8(640, 480))
                        .pixels())
                .isEqualTo(640 * 480);
        assertThatThrownBy(() -> new ImageInspector(limits).inspect(HandBuiltImages.webpVp8(640, 481)))
                .hasFieldOrPropertyWithValue("reason", "image.decompression_bomb");
    }

    @Test
    void shouldRejectImagesWithASideUnderTheMinimum() throws RejectedInputException {
        var limits = new ValidationLimits(1 << 20, 1_000_000, 16, 10);
        var strict = new ImageInspector(limits);

        assertThat(strict.inspect(TestImages.write("png", 16, 16)).width()).isEqualTo(16);
        assertThatThrownBy(() -> strict.inspect(TestImages.write("png", 300, 15)))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "image.too_small")
                .hasMessageContaining("300x15");
    }

    private void assertReason(byte[] bytes, String reason) {
        assertThatThrownBy(() -> inspector.inspect(bytes))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", reason);
    }
}
