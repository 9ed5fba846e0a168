package dev.refinery.selector.quota;

import java.util.Arrays;

/**
 * The last {@code capacity} rank keys of one quota key, in arrival order (a ring) and in ascending order (a sorted
 * mirror for order statistics). Insertion and eviction are a binary search and one array shift each: a few
 * microseconds at the default capacity. Values are finite; {@code -0.0} is stored as {@code 0.0}.
 */
final class RankWindow {
    private final double[] ring;
    private final double[] sorted;
    private int head;
    private int size;

    RankWindow(int capacity) {
        this.ring = new double[capacity];
        this.sorted = new double[capacity];
    }

    /** A window holding {@code values} (oldest first); the sorted mirror is rebuilt. */
    static RankWindow of(int capacity, double[] values) {
        if (values.length > capacity) {
            throw new IllegalArgumentException("window holds " + values.length + " values, capacity " + capacity);
        }
        RankWindow w = new RankWindow(capacity);
        System.arraycopy(values, 0, w.ring, 0, values.length);
        System.arraycopy(values, 0, w.sorted, 0, values.length);
        Arrays.sort(w.sorted, 0, values.length);
        w.size = values.length;
        return w;
    }

    int size() {
        return size;
    }

    int capacity() {
        return ring.length;
    }

    /** Appends a value, evicting the oldest when full. */
    void add(double value) {
        if (ring.length == 0) {
            return;
        }
        int inMirror = size;
        if (size == ring.length) {
            removeSorted(ring[head]);
            inMirror--;
            ring[head] = value;
            head = (head + 1) % ring.length;
        } else {
            ring[(head + size) % ring.length] = value;
            size++;
        }
        int at = upperBound(value, inMirror);
        System.arraycopy(sorted, at, sorted, at + 1, inMirror - at);
        sorted[at] = value;
    }

    /** The {@code k}-th largest value, {@code 1 <= k <= size}. */
    double kthLargest(int k) {
        if (k < 1 || k > size) {
            throw new IndexOutOfBoundsException("k=" + k + ", size=" + size);
        }
        return sorted[size - k];
    }

    /** The values, oldest first. */
    double[] values() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(head + i) % ring.length];
        }
        return out;
    }

    private void removeSorted(double value) {
        int at = lowerBound(value, size);
        if (at >= size || sorted[at] != value) {
            throw new IllegalStateException("rank window is inconsistent");
        }
        System.arraycopy(sorted, at + 1, sorted, at, size - 1 - at);
    }

    /** First index among the first {@code n} whose value is {@code >= value}. */
    private int lowerBound(double value, int n) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index among the first {@code n} whose value is {@code > value}. */
    private int upperBound(double value, int n) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
