package dev.refinery.selector.quota;

/** Why a quota key accepted or rejected a pair; {@link #code()} is the Decision's machine-readable reason. */
public enum QuotaReason {
    /** The rank reached the key's quantile threshold. */
    WITHIN_CLUSTER_QUOTA("within_cluster_quota", true),
    /** The rank fell below the key's quantile threshold. */
    BELOW_CLUSTER_QUOTA("below_cluster_quota", false),
    /** As {@link #WITHIN_CLUSTER_QUOTA}, while the key has seen fewer than {@code warmup} pairs. */
    WARMUP_WITHIN_CLUSTER_QUOTA("warmup_within_cluster_quota", true),
    /** As {@link #BELOW_CLUSTER_QUOTA}, while the key has seen fewer than {@code warmup} pairs. */
    WARMUP_BELOW_CLUSTER_QUOTA("warmup_below_cluster_quota", false),
    /** Accepted below the threshold: rejecting would leave the count more than the band below alpha * seen. */
    CLUSTER_QUOTA_DEFICIT("cluster_quota_deficit", true),
    /** Rejected above the threshold: accepting would put the count more than the band above alpha * seen. */
    CLUSTER_QUOTA_SURPLUS("cluster_quota_surplus", false),
    /** Accepted by a cap-only key (first come, while under the cap). */
    WITHIN_CLUSTER_CAP("within_cluster_cap", true),
    /** The key already accepted its cap. */
    CLUSTER_CAP_REACHED("cluster_cap_reached", false);

    private final String code;
    private final boolean accepted;

    QuotaReason(String code, boolean accepted) {
        this.code = code;
        this.accepted = accepted;
    }

    public String code() {
        return code;
    }

    public boolean accepted() {
        return accepted;
    }
}
