package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BoilerplateSignalTest {
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("dev.refinery.scorer.signal.BoilerplateCaptions#boilerplate")
    void shouldFlagBoilerplateWithItsReason(String caption, String expectedReason) {
        assertThat(BoilerplateSignal.reason(caption)).isEqualTo(expectedReason);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("dev.refinery.scorer.signal.BoilerplateCaptions#genuine")
    void shouldPassGenuineCaptions(String caption) {
        assertThat(BoilerplateSignal.reason(caption)).isNull();
    }

    @Test
    void shouldEmitOneSignalWithValueAndReasonAsLabel() {
        BoilerplateSignal signal = new BoilerplateSignal();

        List<Signal> boilerplate = signal.compute(input("IMG_0042.JPG"));
        List<Signal> genuine = signal.compute(input("A red bicycle leaning against a brick wall"));

        assertThat(boilerplate).containsExactly(new Signal("boilerplate_caption", "1", 1.0, "file_name"));
        assertThat(genuine).containsExactly(new Signal("boilerplate_caption", "1", 0.0, null));
    }

    @Test
    void shouldStayFastOnHugeSeoCaptions() {
        String wall = "best cheap hotel deals paris rome london ".repeat(5_000);
        String oneToken = "a".repeat(200_000);

        long start = System.nanoTime();
        String wallReason = BoilerplateSignal.reason(wall);
        String tokenReason = BoilerplateSignal.reason(oneToken);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(wallReason).isEqualTo(BoilerplateSignal.REPEATED);
        assertThat(tokenReason).isEqualTo(BoilerplateSignal.REPEATED);
        assertThat(millis).isLessThan(2_000);
    }

    private static SignalInput input(String caption) {
        return new SignalInput(caption, 640, 480, 50_000, ImageFormat.JPEG, null);
    }
}
