package dev.refinery.selector.processor;

import dev.refinery.schemas.ScoredPair;

/**
 * Quota keys {@code <cluster>/<shard>}: the repartition key that spreads a hot cluster over {@code shards} tasks. The
 * shard is a stable hash of the pair id, so a replay puts every pair in the same shard. Pairs without a cluster
 * (no ClusterSet published yet) share the cluster {@value #NO_CLUSTER}.
 */
public final class QuotaKeys {
    public static final String NO_CLUSTER = "none";

    private QuotaKeys() {}

    public static String of(ScoredPair scored, int shards) {
        String cluster = scored.getCluster() == null
                ? NO_CLUSTER
                : Integer.toString(scored.getCluster().getClusterId());
        return cluster + "/" + shard(scored.getPair().getPairId(), shards);
    }

    /** Shard of a pair id: the first 8 hex digits (a uniform hash already) modulo {@code shards}. */
    static int shard(String pairId, int shards) {
        long prefix;
        try {
            prefix = Long.parseLong(pairId.substring(0, Math.min(8, pairId.length())), 16);
        } catch (NumberFormatException e) {
            prefix = pairId.hashCode() & 0xffffffffL;
        }
        return (int) (prefix % shards);
    }

    public static String cluster(String quotaKey) {
        return quotaKey.substring(0, quotaKey.lastIndexOf('/'));
    }

    public static int shardOf(String quotaKey) {
        return Integer.parseInt(quotaKey.substring(quotaKey.lastIndexOf('/') + 1));
    }
}
