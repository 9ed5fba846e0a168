package dev.refinery.ingest.validate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the inspector says about bytes that are not a supported image (format sniffing and its hints). */
class FormatSnifferTest {

    private final ImageInspector inspector = new ImageInspector(ValidationLimits.defaults());

    @Test
    void shouldRejectAnHtmlErrorPageServedAsAnImageAndSaySo() {
        byte[] html = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> inspector.inspect(html))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "image.unsupported_format")
                .hasMessageContaining("3c21444f43545950")
                .hasMessageContaining("HTML")
                .hasMessageContaining("<!DOCTYPE html> <html>");
    }

    static Stream<Arguments> unsupportedInputs() {
        return Stream.of(
                Arguments.of("\ufeff  <html><body>blocked</body></html>".getBytes(StandardCharsets.UTF_8), "HTML"),
                Arguments.of("<?xml version=\"1.0\"?><svg/>".getBytes(StandardCharsets.UTF_8), "XML/SVG"),
                Arguments.of("{\"error\":\"rate limited\"}".getBytes(StandardCharsets.UTF_8), "looks like text"),
                Arguments.of(TestImages.write("bmp", 8, 8), "BMP"),
                Arguments.of(HexFormat.of().parseHex("0000001c6674797061766966000000"), "AVIF"),
                Arguments.of(HexFormat.of().parseHex("1f8b0800000000000003"), "gzip"),
                Arguments.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII), "not WebP"),
                Arguments.of(HexFormat.of().parseHex("00010203fe"), "00010203fe"));
    }

    @ParameterizedTest
    @MethodSource("unsupportedInputs")
    void shouldRejectUnsupportedFormatsWithAHint(byte[] bytes, String hint) {
        assertThatThrownBy(() -> inspector.inspect(bytes))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "image.unsupported_format")
                .hasMessageContaining(hint);
    }

    @ParameterizedTest
    @MethodSource("cutShortSignatures")
    void shouldCallACutShortSignatureTruncated(String hex) {
        assertReason(HexFormat.of().parseHex(hex), "image.truncated");
    }

    static Stream<String> cutShortSignatures() {
        return Stream.of("ff", "ffd8", "89504e470d0a", "474946383961", "52494646", "5249464612000000574542");
    }

    private void assertReason(byte[] bytes, String reason) {
        assertThatThrownBy(() -> inspector.inspect(bytes))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", reason);
    }
}
