package dev.refinery.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real KRaft Kafka broker in this JVM (one combined broker+controller node, Kafka's own
 * {@link KafkaClusterTestKit}), with internal topics at replication factor 1 so transactions and Streams
 * {@code exactly_once_v2} work on a single node.
 */
public final class KafkaBroker implements AutoCloseable {
    private final KafkaClusterTestKit cluster;
    private boolean closed;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts the broker.
     *
     * @param dataDir where logs and metadata live; null for a temporary folder deleted on close
     */
    public static KafkaBroker start(Path dataDir) throws Exception {
        TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1);
        if (dataDir != null) {
            nodes.setBaseDirectory(Files.createDirectories(dataDir));
        }
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes.build());
        Map.of(
                        "offsets.topic.replication.factor", "1",
                        "offsets.topic.num.partitions", "5",
                        "transaction.state.log.replication.factor", "1",
                        "transaction.state.log.min.isr", "1",
                        "transaction.state.log.num.partitions", "5",
                        "group.initial.rebalance.delay.ms", "0",
                        "share.coordinator.state.topic.replication.factor", "1",
                        "share.coordinator.state.topic.min.isr", "1",
                        "auto.create.topics.enable", "false")
                .forEach(builder::setConfigProp);
        builder.setDeleteOnClose(dataDir == null);
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new KafkaBroker(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the broker cleanly: " + e, e);
        }
    }
}
