package dev.refinery.selector.policy;

import dev.refinery.selector.quota.QuotaParams;

/**
 * Streaming-quota settings of a ranked policy ({@code proportional}, {@code lowest}), with defaults resolved so that
 * the canonical form and hash always spell them out.
 *
 * @param window JSON {@code window}: ranks kept per quota key for the quantile (default 4096, 16..8192)
 * @param tolerance JSON {@code tolerance}: the accepted count of a key stays within {@code max(2, tolerance * seen)}
 *     items of {@code alpha * seen} (default 0.01)
 * @param warmup JSON {@code warmup}: decisions before this many pairs per key are flagged {@code warmup_*} (default
 *     {@code ceil(10 / min(alpha, 1 - alpha))}, at most the window)
 * @param maxPerCluster JSON {@code max_per_cluster}: optional cap on accepted pairs per cluster, or null
 */
public record QuotaOptions(int window, double tolerance, int warmup, Long maxPerCluster) {

    /** Resolves defaults for the null arguments and validates. */
    public static QuotaOptions resolve(
            double fraction, Integer window, Double tolerance, Integer warmup, Long maxPerCluster) {
        int w = window == null ? QuotaParams.DEFAULT_WINDOW : window;
        QuotaOptions options = new QuotaOptions(
                w,
                tolerance == null ? QuotaParams.DEFAULT_TOLERANCE : tolerance,
                warmup == null ? QuotaParams.defaultWarmup(fraction, w) : warmup,
                maxPerCluster);
        options.params(fraction);
        return options;
    }

    /** Quota parameters for a cluster (before splitting into shards). */
    public QuotaParams params(double fraction) {
        if (maxPerCluster != null && maxPerCluster < 1) {
            throw new InvalidPolicyException("max_per_cluster must be >= 1");
        }
        try {
            return new QuotaParams(
                    fraction, window, tolerance, warmup, maxPerCluster == null ? Long.MAX_VALUE : maxPerCluster);
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException("quota: " + e.getMessage(), e);
        }
    }
}
