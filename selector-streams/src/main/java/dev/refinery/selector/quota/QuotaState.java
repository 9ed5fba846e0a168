package dev.refinery.selector.quota;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Mutable state of one quota key ({@code <clusterId>/<shard>}): counts and the sliding rank window. {@link
 * #offer(double)} decides one pair immediately and updates the state; the same sequence of offers from the same state
 * always yields the same verdicts (no randomness, no clock), also across {@link #toBytes()} / {@link
 * #fromBytes(byte[], QuotaParams)}. Not thread-safe: one stream task owns a key.
 *
 * <p>Wire format, version 1 (big-endian): {@code byte 1}, the parameters ({@code double alpha, int window, double
 * tolerance, int warmup, long cap}), {@code long seen, long accepted, int n}, then {@code n} doubles of the window,
 * oldest first: 53 + 8n bytes, at most about 64 KB (32 KB at the default window).
 */
public final class QuotaState {
    private static final byte FORMAT_V1 = 1;
    private static final int HEADER_BYTES = 1 + 8 + 4 + 8 + 4 + 8 + 8 + 8 + 4;

    private final QuotaParams params;
    private final RankWindow window;
    private long seen;
    private long accepted;

    private QuotaState(QuotaParams params, RankWindow window, long seen, long accepted) {
        this.params = params;
        this.window = window;
        this.seen = seen;
        this.accepted = accepted;
    }

    /** A fresh key. */
    public static QuotaState create(QuotaParams params) {
        return new QuotaState(params, new RankWindow(params.window()), 0, 0);
    }

    /**
     * Restores a key written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException when the bytes are malformed, of an unknown format version, or were written
     *     under other parameters (another policy belongs to another run and another store)
     */
    public static QuotaState fromBytes(byte[] bytes, QuotaParams params) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte format = in.get();
            if (format != FORMAT_V1) {
                throw new IllegalArgumentException("unknown quota state format " + format);
            }
            QuotaParams stored =
                    new QuotaParams(in.getDouble(), in.getInt(), in.getDouble(), in.getInt(), in.getLong());
            if (!stored.equals(params)) {
                throw new IllegalArgumentException("quota state was written under " + stored + ", not " + params);
            }
            long seen = in.getLong();
            long accepted = in.getLong();
            int n = in.getInt();
            if (seen < 0 || accepted < 0 || accepted > seen || n < 0 || n > params.window() || n > seen) {
                throw new IllegalArgumentException("corrupt quota state counts");
            }
            double[] values = new double[n];
            in.asDoubleBuffer().get(values);
            if (in.remaining() != 8 * n) {
                throw new IllegalArgumentException("quota state has trailing bytes");
            }
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("corrupt quota state window");
                }
            }
            return new QuotaState(params, RankWindow.of(params.window(), values), seen, accepted);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated quota state", e);
        }
    }

    public byte[] toBytes() {
        double[] values = window.values();
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + 8 * values.length);
        out.put(FORMAT_V1)
                .putDouble(params.alpha())
                .putInt(params.window())
                .putDouble(params.tolerance())
                .putInt(params.warmup())
                .putLong(params.cap())
                .putLong(seen)
                .putLong(accepted)
                .putInt(values.length);
        out.asDoubleBuffer().put(values);
        return out.array();
    }

    /**
     * Decides the next pair of this key from its rank key (higher is better) and records it.
     *
     * @throws IllegalArgumentException when the rank is NaN or infinite
     */
    public Verdict offer(double rank) {
        if (!Double.isFinite(rank)) {
            throw new IllegalArgumentException("rank must be finite: " + rank);
        }
        double key = rank + 0.0;
        Verdict verdict = decide(key);
        window.add(key);
        seen++;
        if (verdict.accepted()) {
            accepted++;
        }
        return new Verdict(
                verdict.accepted(), verdict.reason(), verdict.threshold(), verdict.effectiveAlpha(), seen, accepted);
    }

    private Verdict decide(double rank) {
        if (accepted >= params.cap()) {
            return new Verdict(false, QuotaReason.CLUSTER_CAP_REACHED, null, effectiveAlpha(), seen, accepted);
        }
        if (!params.ranked()) {
            QuotaReason reason =
                    params.cap() == Long.MAX_VALUE ? QuotaReason.WITHIN_CLUSTER_QUOTA : QuotaReason.WITHIN_CLUSTER_CAP;
            return new Verdict(true, reason, null, 1.0, seen, accepted);
        }
        double alphaEff = effectiveAlpha();
        int m = window.size();
        long k = (long) Math.ceil(alphaEff * (m + 1) - 0.5);
        Double threshold = k >= 1 && k <= m ? window.kthLargest((int) k) : null;
        boolean byRank = k > m || (threshold != null && rank >= threshold);
        double band = DeficitController.band(params, seen);
        QuotaReason reason;
        if (byRank && accepted + 1 - params.alpha() * (seen + 1) > band) {
            reason = QuotaReason.CLUSTER_QUOTA_SURPLUS;
        } else if (!byRank && DeficitController.deficit(params, seen, accepted) > band) {
            reason = QuotaReason.CLUSTER_QUOTA_DEFICIT;
        } else if (seen < params.warmup()) {
            reason = byRank ? QuotaReason.WARMUP_WITHIN_CLUSTER_QUOTA : QuotaReason.WARMUP_BELOW_CLUSTER_QUOTA;
        } else {
            reason = byRank ? QuotaReason.WITHIN_CLUSTER_QUOTA : QuotaReason.BELOW_CLUSTER_QUOTA;
        }
        return new Verdict(reason.accepted(), reason, threshold, alphaEff, seen, accepted);
    }

    private double effectiveAlpha() {
        return params.ranked() ? DeficitController.effectiveAlpha(params, seen, accepted) : 1.0;
    }

    /**
     * The rank-key threshold the next pair would be compared with (before the count band), for status pages; null
     * while no comparison is possible or for a cap-only key.
     */
    public Double currentThreshold() {
        if (!params.ranked()) {
            return null;
        }
        int m = window.size();
        long k = (long) Math.ceil(effectiveAlpha() * (m + 1) - 0.5);
        return k >= 1 && k <= m ? window.kthLargest((int) k) : null;
    }

    public QuotaParams params() {
        return params;
    }

    /** Pairs seen by this key. */
    public long seen() {
        return seen;
    }

    /** Pairs accepted by this key. */
    public long accepted() {
        return accepted;
    }

    /** Ranks currently in the window. */
    public int windowSize() {
        return window.size();
    }
}
