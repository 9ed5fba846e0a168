package dev.refinery.runtime.topic;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates missing topics; existing ones are left as they are. Returns only once every partition of the created
 * topics has a leader: producing to a partition whose leadership is still settling can fail with
 * NOT_LEADER_OR_FOLLOWER and then, with the idempotent producer's retry, OUT_OF_ORDER_SEQUENCE_NUMBER until the
 * delivery timeout (seen on the embedded broker right after creation).
 */
public final class TopicAdmin {
    private TopicAdmin() {}

    /** Creates the topics of {@code specs} that do not exist yet and returns the names it created. */
    public static List<String> ensure(Admin admin, List<TopicSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = specs.stream()
                .filter(s -> !existing.contains(s.name()))
                .map(TopicSpec::toNewTopic)
                .toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        var results = admin.createTopics(missing).values();
        for (var entry : results.entrySet()) {
            try {
                entry.getValue().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        List<String> created = missing.stream().map(NewTopic::name).toList();
        awaitLeaders(admin, created);
        return created;
    }

    /** Waits (up to 30 s) until every partition of {@code topics} reports a leader. */
    static void awaitLeaders(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean ready = true;
            try {
                for (TopicDescription d : admin.describeTopics(topics)
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .values()) {
                    ready &= d.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                ready = false;
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no leader for every partition of " + topics + " after 30 s");
            }
            Thread.sleep(50);
        }
    }
}
