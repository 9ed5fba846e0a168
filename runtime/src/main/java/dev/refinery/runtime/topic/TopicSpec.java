package dev.refinery.runtime.topic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How a topic is created: partitions, replication and retention. The catalogue below is the single source for the
 * local stack, docker-compose's topic creation and docs/topics.md.
 *
 * @param retentionMs retention in ms, or -1 for unlimited (used with compaction)
 */
public record TopicSpec(String name, int partitions, short replicationFactor, boolean compacted, long retentionMs) {

    public static final long SEVEN_DAYS_MS = 7L * 24 * 3600 * 1000;
    public static final long THIRTY_DAYS_MS = 30L * 24 * 3600 * 1000;

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for " + name);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be >= 1 for " + name);
        }
    }

    /**
     * Every Refinery topic. Pair topics keep 7 days (30 for decisions and the DLQ, which people inspect and replay);
     * {@code clusters}, {@code runs} and ingest's dedup markers are compacted and kept forever.
     */
    public static List<TopicSpec> catalogue(TopicNames names, int partitions, short replication) {
        return List.of(
                new TopicSpec(names.pairsRaw(), partitions, replication, false, SEVEN_DAYS_MS),
                new TopicSpec(names.pairsScored(), partitions, replication, false, SEVEN_DAYS_MS),
                new TopicSpec(names.pairsRewrite(), partitions, replication, false, SEVEN_DAYS_MS),
                new TopicSpec(names.pairsRewritten(), partitions, replication, false, SEVEN_DAYS_MS),
                new TopicSpec(names.pairsDecisions(), partitions, replication, false, THIRTY_DAYS_MS),
                new TopicSpec(names.pairsCurated(), partitions, replication, false, SEVEN_DAYS_MS),
                new TopicSpec(names.dlq(), partitions, replication, false, THIRTY_DAYS_MS),
                new TopicSpec(names.clusters(), 1, replication, true, -1),
                new TopicSpec(names.runs(), 1, replication, true, -1),
                new TopicSpec(names.ingestDedup(), partitions, replication, true, -1));
    }

    public NewTopic toNewTopic() {
        Map<String, String> configs = new HashMap<>();
        configs.put(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
}
