package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignalSetBatchTest {

    @Test
    void shouldCallABatchedFamilyOncePerBatchInPairOrder() {
        Counting family = new Counting();
        SignalSet set = new SignalSet(List.of(new CaptionStatsSignal(), family));

        List<List<Signal>> out = set.compute(inputs("one", "two words", "three more words"));

        assertThat(family.batchCalls.get()).isEqualTo(1);
        assertThat(family.singleCalls.get()).isZero();
        assertThat(out).extracting(signals -> signals.get(2).getValue()).containsExactly(3.0, 9.0, 16.0);
        assertThat(out).extracting(signals -> signals.get(0).getName()).containsOnly("caption_words");
    }

    @Test
    void shouldRetryAFailedBatchPairByPairSoOnlyTheBadPairGetsTheErrorSignal() {
        Counting family = new Counting();
        SignalSet set = new SignalSet(List.of(family, new LaionSignal()));

        List<List<Signal>> out = set.compute(inputs("fine", "boom", "also fine"));

        assertThat(family.batchCalls.get()).isEqualTo(1);
        assertThat(family.singleCalls.get()).isEqualTo(3);
        assertThat(out.get(0).get(0)).isEqualTo(new Signal("counting", "1", 4.0, null));
        assertThat(out.get(1).get(0)).isEqualTo(new Signal("counting_error", "1", null, SignalSet.ERROR_LABEL));
        assertThat(out.get(2).get(0)).isEqualTo(new Signal("counting", "1", 9.0, null));
        assertThat(out).allSatisfy(signals -> assertThat(signals).hasSize(3));
        assertThat(set.failures("counting")).isEqualTo(1);
    }

    /** Emits the caption's length; fails on "boom"; counts how it is called. */
    private static final class Counting implements QualitySignal {
        final AtomicInteger batchCalls = new AtomicInteger();
        final AtomicInteger singleCalls = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<Signal> compute(SignalInput in) {
            singleCalls.incrementAndGet();
            return score(in);
        }

        @Override
        public List<List<Signal>> computeBatch(List<SignalInput> batch) {
            batchCalls.incrementAndGet();
            return batch.stream().map(Counting::score).toList();
        }

        private static List<Signal> score(SignalInput in) {
            if (in.caption().equals("boom")) {
                throw new IllegalArgumentException("boom");
            }
            return List.of(new Signal("counting", "1", (double) in.caption().length(), null));
        }
    }

    private static List<SignalInput> inputs(String... captions) {
        return java.util.Arrays.stream(captions)
                .map(c -> new SignalInput(c, 320, 240, 40_000, ImageFormat.PNG, 0.3))
                .toList();
    }
}
