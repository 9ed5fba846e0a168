package dev.refinery.selector.status;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive query of the quota store: per cluster, pairs seen and accepted so far, acceptance against the policy's
 * target and each shard's current threshold (in rank-score units). {@code GET /v1/quotas/local} covers the quota
 * keys whose active task runs on this instance; {@code GET /v1/quotas} adds those of every other instance of the
 * application ({@link QuotaPeers}, when {@code REFINERY_SELECTOR_ADVERTISED_URL} gives Streams the addresses) and
 * lists each instance with its state or the error that kept it out, so a partial answer says so.
 */
public final class QuotaStatus {
    static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaStreams streams;
    private final Selector selector;
    private final String runId;
    private final int shards;
    private final QuotaPeers peers;

    public QuotaStatus(KafkaStreams streams, Selector selector, String runId, int shards) {
        this(streams, selector, runId, shards, null);
    }

    /** {@code self}: this instance's {@code application.server}; null = no fan-out. */
    public QuotaStatus(KafkaStreams streams, Selector selector, String runId, int shards, HostInfo self) {
        this.streams = streams;
        this.selector = selector;
        this.runId = runId;
        this.shards = shards;
        this.peers = self == null ? null : new QuotaPeers(streams, self);
    }

    /** Every instance's quota keys (this one's only without an advertised address). */
    public String json() {
        ObjectNode root = header();
        Map<String, ObjectNode> byCluster = new TreeMap<>();
        ArrayNode instances = root.putArray("instances");
        ObjectNode self = instances.addObject().put("instance", peers == null ? "local" : peers.self());
        collectLocal(byCluster, self);
        if (peers != null) {
            peers.collect((instance, body) -> merge(byCluster, body), instances);
        }
        return finish(root, byCluster).toString();
    }

    /** This instance's quota keys only. */
    public String localJson() {
        ObjectNode root = header();
        Map<String, ObjectNode> byCluster = new TreeMap<>();
        collectLocal(byCluster, root);
        return finish(root, byCluster).toString();
    }

    private ObjectNode header() {
        ObjectNode root = JSON.createObjectNode()
                .put("run_id", runId)
                .put("policy", selector.policy().name())
                .put("policy_hash", selector.policy().hash())
                .put("state", streams.state().name());
        selector.policy().quota().ifPresent(q -> root.put("target", q.alpha()));
        return root;
    }

    /** Active stores only: a standby's copy would count its keys twice across instances. */
    private void collectLocal(Map<String, ObjectNode> byCluster, ObjectNode status) {
        status.put("state", streams.state().name());
        if (!selector.stateful()) {
            return;
        }
        try {
            ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                    SelectorTopology.QUOTA_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
            try (KeyValueIterator<String, byte[]> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    add(byCluster, kv.key, selector.loadState(kv.value, QuotaKeys.shardOf(kv.key), shards));
                }
            }
        } catch (InvalidStateStoreException e) {
            status.put("error", "quota store not queryable now: " + e.getMessage());
        }
    }

    private static ObjectNode finish(ObjectNode root, Map<String, ObjectNode> byCluster) {
        ArrayNode clusters = root.putArray("clusters");
        byCluster.values().forEach(c -> {
            long seen = c.get("seen").asLong();
            c.put("acceptance", seen == 0 ? 0.0 : c.get("accepted").asLong() / (double) seen);
            clusters.add(c);
        });
        return root;
    }

    private static ObjectNode cluster(Map<String, ObjectNode> byCluster, String cluster) {
        return byCluster.computeIfAbsent(
                cluster,
                k -> JSON.createObjectNode().put("cluster", k).put("seen", 0L).put("accepted", 0L));
    }

    private static ArrayNode thresholds(ObjectNode c) {
        return c.has("thresholds") ? (ArrayNode) c.get("thresholds") : c.putArray("thresholds");
    }

    private void add(Map<String, ObjectNode> byCluster, String key, QuotaState state) {
        ObjectNode c = cluster(byCluster, QuotaKeys.cluster(key));
        c.put("seen", c.get("seen").asLong() + state.seen());
        c.put("accepted", c.get("accepted").asLong() + state.accepted());
        Double key0 = state.currentThreshold();
        if (key0 == null) {
            thresholds(c).addNull();
        } else {
            thresholds(c).add(selector.policy() instanceof LowestPolicy ? -key0 : key0);
        }
    }

    /** Adds another instance's {@link #localJson} answer: quota keys are disjoint across active tasks. */
    private static void merge(Map<String, ObjectNode> byCluster, JsonNode peer) {
        for (JsonNode p : peer.path("clusters")) {
            ObjectNode c = cluster(byCluster, p.path("cluster").asText());
            c.put("seen", c.get("seen").asLong() + p.path("seen").asLong());
            c.put("accepted", c.get("accepted").asLong() + p.path("accepted").asLong());
            p.path("thresholds").forEach(t -> thresholds(c).add(t));
        }
    }
}
