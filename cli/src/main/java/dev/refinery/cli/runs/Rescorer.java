package dev.refinery.cli.runs;

import dev.refinery.runtime.topic.TopicAdmin;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.runtime.topic.TopicSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The pieces of a re-score: the scorer's environment for the run (model, group and transactional id, run-specific
 * output topics), the creation of those topics, and whether the run's group has consumed {@code pairs.raw} up to the
 * end offsets taken at the start.
 */
final class Rescorer {
    private Rescorer() {}

    /** Consumer group and transactional id of a re-score run. */
    static String groupId(String runId) {
        return "refinery-rescore-" + runId;
    }

    /**
     * Scorer settings for the run: its model, its own group and transactional id, and the outputs on run-specific
     * topics ({@code <pairs.scored>.<run>}, likewise {@code pairs.rewrite}); {@code pairs.rewritten} also points at an
     * empty run-specific topic, so only revision 0 (pairs.raw) is re-scored.
     */
    static Map<String, String> environment(TopicNames live, String runId, String model) {
        Map<String, String> env = new HashMap<>();
        env.put("REFINERY_SCORER_MODEL", model);
        env.put("REFINERY_SCORER_GROUP_ID", groupId(runId));
        env.put("REFINERY_SCORER_TRANSACTIONAL_ID", groupId(runId));
        env.put("REFINERY_TOPIC_PAIRS_SCORED", live.pairsScored() + "." + runId);
        env.put("REFINERY_TOPIC_PAIRS_REWRITE", live.pairsRewrite() + "." + runId);
        env.put("REFINERY_TOPIC_PAIRS_REWRITTEN", live.pairsRewritten() + "." + runId);
        return env;
    }

    /** Creates the run's topics with the catalogue's settings and the live {@code pairs.scored}'s partitions. */
    static List<String> createTopics(Admin admin, TopicNames live, TopicNames run)
            throws ExecutionException, InterruptedException, TimeoutException {
        var scored = admin.describeTopics(List.of(live.pairsScored()))
                .allTopicNames()
                .get()
                .get(live.pairsScored());
        int partitions = scored.partitions().size();
        short replication = (short) scored.partitions().get(0).replicas().size();
        Set<String> names = Set.of(run.pairsScored(), run.pairsRewrite(), run.pairsRewritten());
        return TopicAdmin.ensure(
                admin,
                TopicSpec.catalogue(run, partitions, replication).stream()
                        .filter(s -> names.contains(s.name()))
                        .toList());
    }

    /** The last stable offsets of {@code topic} now (what a read_committed consumer would read up to). */
    static Map<TopicPartition, Long> endOffsets(Map<String, Object> kafka, String topic) {
        try (var consumer = new KafkaConsumer<>(
                TopicScan.readerProperties(kafka), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            return consumer.endOffsets(partitions);
        }
    }

    /** Records of {@code end} that the group has not committed past yet (0 when it caught up). */
    static long remaining(Admin admin, String group, Map<TopicPartition, Long> end)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, Long> earliest = new HashMap<>();
        var spec = new HashMap<TopicPartition, OffsetSpec>();
        end.keySet().forEach(tp -> spec.put(tp, OffsetSpec.earliest()));
        admin.listOffsets(spec).all().get().forEach((tp, info) -> earliest.put(tp, info.offset()));
        long left = 0;
        for (var e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long position = c != null ? c.offset() : earliest.get(e.getKey());
            left += Math.max(0, e.getValue() - position);
        }
        return left;
    }
}
