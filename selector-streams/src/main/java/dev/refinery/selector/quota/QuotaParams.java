package dev.refinery.selector.quota;

/**
 * Parameters of one quota key's streaming rule.
 *
 * @param alpha target accepted fraction of the key's pairs, in (0, 1]; 1 disables the rank quota (cap only)
 * @param window number of most recent rank keys kept for the quantile, 0 when {@code alpha == 1}
 * @param tolerance relative band of the deficit controller: the accepted count stays within {@code max(2, tolerance *
 *     seen)} items of {@code alpha * seen}
 * @param warmup decisions made before this many items were seen are flagged {@code warmup_*}
 * @param cap at most this many accepted pairs per key (0 is possible for a shard of a small cap); {@link
 *     Long#MAX_VALUE} for no cap
 */
public record QuotaParams(double alpha, int window, double tolerance, int warmup, long cap) {
    public static final int DEFAULT_WINDOW = 4096;
    public static final int MIN_WINDOW = 16;
    public static final int MAX_WINDOW = 8192;
    public static final double DEFAULT_TOLERANCE = 0.01;
    /** Smallest half-width of the controller band, in items. */
    public static final double MIN_BAND_ITEMS = 2.0;

    public QuotaParams {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]: " + alpha);
        }
        if (alpha < 1 && (window < MIN_WINDOW || window > MAX_WINDOW)) {
            throw new IllegalArgumentException("window must be in [" + MIN_WINDOW + ", " + MAX_WINDOW + "]: " + window);
        }
        if (alpha == 1) {
            window = 0;
        }
        if (!(tolerance > 0 && tolerance <= 0.5)) {
            throw new IllegalArgumentException("tolerance must be in (0, 0.5]: " + tolerance);
        }
        if (warmup < 0 || cap < 0) {
            throw new IllegalArgumentException("warmup and cap must be >= 0");
        }
    }

    /** A rank quota with default window, tolerance and warm-up, and no cap. */
    public static QuotaParams ofAlpha(double alpha) {
        return new QuotaParams(
                alpha, DEFAULT_WINDOW, DEFAULT_TOLERANCE, defaultWarmup(alpha, DEFAULT_WINDOW), Long.MAX_VALUE);
    }

    /** A first-come cap without a rank quota. */
    public static QuotaParams capOnly(long cap) {
        return new QuotaParams(1.0, 0, DEFAULT_TOLERANCE, 0, cap);
    }

    /** Enough items to expect 10 on the rarer side of the quantile, at most one window. */
    public static int defaultWarmup(double alpha, int window) {
        if (alpha >= 1) {
            return 0;
        }
        return (int) Math.min(window, Math.ceil(10.0 / Math.min(alpha, 1 - alpha)));
    }

    /** Whether the rank quota applies (otherwise only the cap). */
    public boolean ranked() {
        return alpha < 1;
    }

    /**
     * Parameters for one of {@code shards} sub-streams of a cluster. Alpha applies to each shard's own sub-stream; the
     * cap is divided so that the shards' caps add up to the cluster's cap.
     */
    public QuotaParams forShard(int shard, int shards) {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard " + shard + " of " + shards);
        }
        if (cap == Long.MAX_VALUE || shards == 1) {
            return this;
        }
        long share = cap / shards + (shard < cap % shards ? 1 : 0);
        return new QuotaParams(alpha, window, tolerance, warmup, share);
    }
}
