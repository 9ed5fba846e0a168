package dev.refinery.selector.quota;

/**
 * The immediate, final decision of a quota key for one rank.
 *
 * @param accepted whether the pair is accepted
 * @param reason why; {@code reason.code()} goes into the Decision
 * @param threshold the rank-key threshold the rank was compared with ({@code rank >= threshold} passes); null when no
 *     comparison was possible (empty window, a quantile outside the window, or a cap-only key)
 * @param effectiveAlpha the deficit-corrected fraction used for this decision (1 for cap-only keys)
 * @param seen pairs this key has seen, this one included
 * @param acceptedTotal pairs this key has accepted, this one included
 */
public record Verdict(
        boolean accepted, QuotaReason reason, Double threshold, double effectiveAlpha, long seen, long acceptedTotal) {

    public Verdict {
        if (reason.accepted() != accepted) {
            throw new IllegalArgumentException("reason " + reason + " contradicts accepted=" + accepted);
        }
    }
}
