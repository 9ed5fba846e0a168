package dev.refinery.selector.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refinery.selector.policy.LowestPolicy;
import dev.refinery.selector.policy.Selector;
import dev.refinery.selector.processor.QuotaKeys;
import dev.refinery.selector.quota.QuotaState;
import dev.refinery.selector.topology.SelectorTopology;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive query of the quota store ({@code GET /v1/quotas}): per cluster, pairs seen and accepted so far,
 * acceptance against the policy's target and each shard's current threshold (in rank-score units). It covers the
 * quota keys hosted by this instance; with several instances, ask each (or use the decisions metrics).
 */
public final class QuotaStatus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaStreams streams;
    private final Selector selector;
    private final String runId;
    private final int shards;

    public QuotaStatus(KafkaStreams streams, Selector selector, String runId, int shards) {
        this.streams = streams;
        this.selector = selector;
        this.runId = runId;
        this.shards = shards;
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode()
                .put("run_id", runId)
                .put("policy", selector.policy().name())
                .put("policy_hash", selector.policy().hash())
                .put("state", streams.state().name());
        selector.policy().quota().ifPresent(q -> root.put("target", q.alpha()));
        Map<String, ObjectNode> byCluster = new TreeMap<>();
        if (selector.stateful()) {
            ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                            SelectorTopology.QUOTA_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore())
                    .enableStaleStores());
            try (KeyValueIterator<String, byte[]> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    add(byCluster, kv.key, selector.loadState(kv.value, QuotaKeys.shardOf(kv.key), shards));
                }
            }
        }
        ArrayNode clusters = root.putArray("clusters");
        byCluster.values().forEach(c -> {
            long seen = c.get("seen").asLong();
            c.put("acceptance", seen == 0 ? 0.0 : c.get("accepted").asLong() / (double) seen);
            clusters.add(c);
        });
        return root.toString();
    }

    private void add(Map<String, ObjectNode> byCluster, String key, QuotaState state) {
        String cluster = QuotaKeys.cluster(key);
        ObjectNode c = byCluster.computeIfAbsent(
                cluster,
                k -> JSON.createObjectNode().put("cluster", k).put("seen", 0L).put("accepted", 0L));
        c.put("seen", c.get("seen").asLong() + state.seen());
        c.put("accepted", c.get("accepted").asLong() + state.accepted());
        Double key0 = state.currentThreshold();
        ArrayNode thresholds = c.has("thresholds") ? (ArrayNode) c.get("thresholds") : c.putArray("thresholds");
        if (key0 == null) {
            thresholds.addNull();
        } else {
            thresholds.add(selector.policy() instanceof LowestPolicy ? -key0 : key0);
        }
    }
}
