package dev.refinery.selector.policy;

import dev.refinery.selector.quota.Verdict;
import java.util.Locale;

/** Human-readable detail of a quota verdict for {@code Decision.detail}. */
final class QuotaDetail {
    private QuotaDetail() {}

    static String describe(Verdict v, Double value, Double threshold, boolean lowerIsBetter) {
        StringBuilder sb = new StringBuilder();
        if (value != null && threshold != null) {
            String op = lowerIsBetter ? (value <= threshold ? "<=" : ">") : (value >= threshold ? ">=" : "<");
            sb.append(String.format(Locale.ROOT, "rank %.6g %s threshold %.6g; ", value, op, threshold));
        }
        sb.append(String.format(
                Locale.ROOT,
                "%d of %d accepted in key, alpha_eff %.4f",
                v.acceptedTotal(),
                v.seen(),
                v.effectiveAlpha()));
        return sb.toString();
    }
}
