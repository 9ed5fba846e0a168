package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageGeometrySignalTest {
    private final ImageGeometrySignal signal = new ImageGeometrySignal();

    @ParameterizedTest(name = "[{index}] {0}x{1} -> min side {2}, aspect {3}")
    @CsvSource({
        "640, 480, 480, 1.3333333333",
        "480, 640, 480, 1.3333333333",
        "200, 1000, 200, 5.0",
        "1, 1, 1, 1.0",
        "201, 603, 201, 3.0",
        "2147483647, 1, 1, 2147483647.0"
    })
    void shouldMeasureShorterSideAndElongation(int width, int height, double minSide, double aspect) {
        List<Signal> out = signal.compute(input(width, height));

        assertThat(out).extracting(Signal::getName).containsExactly("min_side", "aspect_ratio");
        assertThat(out.get(0).getValue()).isEqualTo(minSide);
        assertThat(out.get(1).getValue()).isCloseTo(aspect, within(1e-9));
        assertThat(out).extracting(Signal::getVersion).containsOnly("1");
    }

    @ParameterizedTest(name = "[{index}] {0}x{1}")
    @CsvSource({"0, 100", "100, 0", "0, 0", "-1, 300"})
    void shouldOmitAspectRatioWhenADimensionIsUnknown(int width, int height) {
        assertThat(signal.compute(input(width, height))).containsExactly(new Signal("min_side", "1", 0.0, null));
    }

    @Test
    void shouldIgnoreFormatAndBytes() {
        SignalInput gif = new SignalInput("x", 320, 240, 0, ImageFormat.GIF, null);

        assertThat(signal.compute(gif)).isEqualTo(signal.compute(input(320, 240)));
    }

    private static SignalInput input(int width, int height) {
        return new SignalInput("a caption", width, height, 50_000, ImageFormat.PNG, null);
    }
}
