package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignalSetTest {
    private static final SignalInput INPUT =
            new SignalInput("A black cat sleeping on a red sofa", 640, 320, 48_000, ImageFormat.JPEG, 0.31);

    @Test
    void shouldComputeEveryDefaultSignalTheRouterReads() {
        SignalSet set = SignalSet.defaults(List.of()).warmUp();

        List<Signal> out = set.compute(INPUT);

        assertThat(set.signals())
                .extracting(QualitySignal::name)
                .containsExactly("caption_stats", "image_geometry", "laion", "boilerplate_caption", "language");
        assertThat(out)
                .containsExactly(
                        new Signal("caption_words", "1", 8.0, null),
                        new Signal("caption_chars", "1", 34.0, null),
                        new Signal("min_side", "1", 320.0, null),
                        new Signal("aspect_ratio", "1", 2.0, null),
                        new Signal("laion_alt_too_short", "1", 0.0, null),
                        new Signal("laion_image_too_small", "1", 0.0, null),
                        new Signal("boilerplate_caption", "1", 0.0, null),
                        out.get(7));
        assertThat(out.get(7).getName()).isEqualTo("language");
        assertThat(out.get(7).getLabel()).isEqualTo("en");
    }

    @Test
    void shouldReplaceAFailingFamilyWithAnErrorSignalAndKeepTheOthers() {
        SignalSet set = new SignalSet(List.of(
                new CaptionStatsSignal(),
                family("exploding", "7", in -> {
                    throw new IllegalStateException("rule bug");
                }),
                new LaionSignal()));

        List<Signal> out = set.compute(INPUT);

        assertThat(out)
                .extracting(Signal::getName)
                .containsExactly(
                        "caption_words",
                        "caption_chars",
                        "exploding_error",
                        "laion_alt_too_short",
                        "laion_image_too_small");
        assertThat(out.get(2)).isEqualTo(new Signal("exploding_error", "7", null, "error"));
        assertThat(set.failures("exploding")).isEqualTo(1);
        assertThat(set.failures("laion")).isZero();
    }

    @Test
    void shouldTreatNullOutputAsAFailure() {
        QualitySignal nullList = family("null_list", "1", in -> null);
        QualitySignal nullElement = family("null_element", "1", in -> Arrays.asList((Signal) null));
        SignalSet set = new SignalSet(List.of(nullList, nullElement));

        assertThat(set.compute(INPUT))
                .extracting(Signal::getName)
                .containsExactly("null_list_error", "null_element_error");
    }

    @Test
    void shouldReturnAMutableList() {
        List<Signal> out = new SignalSet(List.of(new LaionSignal())).compute(INPUT);

        out.add(new Signal("extra", "1", 1.0, null));

        assertThat(out).hasSize(3);
    }

    @Test
    void shouldRejectDuplicateFamilyNames() {
        assertThatThrownBy(() -> new SignalSet(List.of(new LaionSignal(), new LaionSignal())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("laion");
    }

    @Test
    void shouldLogFailuresOfAFamilyAtMostOncePerInterval() {
        AtomicLong now = new AtomicLong(1_000);
        FailureLog log = new FailureLog(Duration.ofSeconds(60), now::get);
        RuntimeException e = new IllegalStateException("boom");

        boolean first = log.record("a", e);
        boolean soonAfter = log.record("a", e);
        boolean otherFamily = log.record("b", e);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        boolean beforeInterval = log.record("a", e);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        boolean afterInterval = log.record("a", e);

        assertThat(List.of(first, soonAfter, otherFamily, beforeInterval, afterInterval))
                .containsExactly(true, false, true, false, true);
        assertThat(log.failures("a")).isEqualTo(4);
        assertThat(log.failures("c")).isZero();
    }

    private interface Body {
        List<Signal> compute(SignalInput in);
    }

    private static QualitySignal family(String name, String version, Body body) {
        return new QualitySignal() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public List<Signal> compute(SignalInput in) {
                return body.compute(in);
            }
        };
    }
}
