package dev.refinery.cli.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.schemas.DeadLetter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The status page's data ({@code /api/status}): lag per stage (group and topic), throughput per topic (records/s
 * between two calls), quota fill per cluster (from the selector) and the newest DLQ records.
 */
final class MonitorStatus implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LagProbe lag;
    private final Admin admin;
    private final TopicNames topics;
    private final RecentDeadLetters deadLetters;
    private final Supplier<String> quotas;
    private final Map<String, long[]> lastEnds = new HashMap<>();

    MonitorStatus(LagProbe lag, Map<String, Object> kafka, TopicNames topics, Supplier<String> quotas) {
        this.lag = lag;
        this.admin = Admin.create(kafka);
        this.topics = topics;
        this.deadLetters = new RecentDeadLetters(kafka, topics.dlq(), 20);
        this.quotas = quotas;
    }

    synchronized String json() throws Exception {
        ObjectNode root = JSON.createObjectNode().put("generated_at", System.currentTimeMillis());
        List<PartitionLag> lags = lag.all();
        Map<String, ObjectNode> stages = new LinkedHashMap<>();
        for (PartitionLag l : lags) {
            ObjectNode s = stages.computeIfAbsent(l.group() + "|" + l.topic(), k -> JSON.createObjectNode()
                    .put("group", l.group())
                    .put("topic", l.topic())
                    .put("lag", 0L)
                    .put("seconds", 0.0));
            s.put("lag", s.get("lag").asLong() + l.lag());
            s.put("seconds", Math.max(s.get("seconds").asDouble(), l.lagSeconds()));
        }
        root.putArray("stages").addAll(stages.values());
        throughput(root.putArray("throughput"));
        String q = quotas.get();
        root.set("quotas", q == null ? null : JSON.readTree(q));
        ArrayNode dlq = root.putArray("dlq");
        for (DeadLetter d : deadLetters.newest()) {
            dlq.addObject()
                    .put("stage", d.getStage())
                    .put("reason", d.getReason())
                    .put("failed_at", d.getFailedAt().toString());
        }
        return root.toString();
    }

    private void throughput(ArrayNode out) throws Exception {
        List<String> pairTopics = List.of(
                topics.pairsRaw(),
                topics.pairsScored(),
                topics.pairsRewrite(),
                topics.pairsRewritten(),
                topics.pairsDecisions(),
                topics.pairsCurated(),
                topics.dlq());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var d : admin.describeTopics(pairTopics).allTopicNames().get().values()) {
            d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<String, Long> sums = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> sums.merge(tp.topic(), info.offset(), Long::sum));
        long now = System.currentTimeMillis();
        for (String topic : pairTopics) {
            long end = sums.getOrDefault(topic, 0L);
            long[] last = lastEnds.put(topic, new long[] {end, now});
            double rate = last == null || now == last[1] ? 0.0 : (end - last[0]) * 1000.0 / (now - last[1]);
            out.addObject().put("topic", topic).put("end_offset", end).put("per_second", rate);
        }
    }

    @Override
    public void close() {
        try {
            admin.close();
        } finally {
            deadLetters.close();
        }
    }
}
