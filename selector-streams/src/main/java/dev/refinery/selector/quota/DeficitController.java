package dev.refinery.selector.quota;

/**
 * The deficit controller of the quota rule (see the package documentation): how far the running accepted count may
 * drift from {@code alpha * seen}, and the corrected fraction used for the next comparison.
 */
final class DeficitController {
    private DeficitController() {}

    /** Half-width of the band, in items, for the item after {@code seen}. */
    static double band(QuotaParams params, long seen) {
        return Math.max(QuotaParams.MIN_BAND_ITEMS, params.tolerance() * (seen + 1));
    }

    /** Items short of {@code alpha * (seen + 1)} if the next item is rejected; negative when ahead. */
    static double deficit(QuotaParams params, long seen, long accepted) {
        return params.alpha() * (seen + 1) - accepted;
    }

    /** {@code alpha + sign(g) * (g / D)^4 * min(alpha, 1 - alpha)}, clamped to [0, 1]. */
    static double effectiveAlpha(QuotaParams params, long seen, long accepted) {
        double x = deficit(params, seen, accepted) / band(params, seen);
        double x2 = x * x;
        double push = Math.signum(x) * x2 * x2 * Math.min(params.alpha(), 1 - params.alpha());
        return Math.clamp(params.alpha() + push, 0.0, 1.0);
    }
}
