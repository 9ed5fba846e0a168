package dev.refinery.selector.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankWindowTest {

    @Test
    void shouldKeepTheLastValuesInOrderAndSorted() {
        RankWindow window = new RankWindow(50);
        Deque<Double> expected = new ArrayDeque<>();
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            double v = random.nextInt(40) / 4.0; // many ties
            window.add(v);
            expected.addLast(v);
            if (expected.size() > 50) {
                expected.removeFirst();
            }
            double[] arrival =
                    expected.stream().mapToDouble(Double::doubleValue).toArray();
            assertThat(window.values()).containsExactly(arrival);
            double[] sorted = arrival.clone();
            Arrays.sort(sorted);
            for (int k = 1; k <= sorted.length; k++) {
                assertThat(window.kthLargest(k)).isEqualTo(sorted[sorted.length - k]);
            }
        }
    }

    @Test
    void shouldRebuildFromArrivalOrder() {
        RankWindow window = RankWindow.of(4, new double[] {3, 1, 2});
        window.add(5);
        window.add(0);

        assertThat(window.values()).containsExactly(1, 2, 5, 0);
        assertThat(window.kthLargest(1)).isEqualTo(5);
        assertThat(window.kthLargest(4)).isEqualTo(0);
    }
}
