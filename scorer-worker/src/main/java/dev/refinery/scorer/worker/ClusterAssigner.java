package dev.refinery.scorer.worker;

import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.schemas.Centroid;
import dev.refinery.schemas.ClusterAssignment;
import dev.refinery.schemas.ClusterSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns an image embedding to its nearest centroid (cosine) of the newest {@link ClusterSet} for this model, read
 * from the compacted clusters topic and followed in the background, so a newly fitted set takes effect without a
 * restart. Before any set for the model exists, assignments are null.
 */
final class ClusterAssigner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterAssigner.class);

    private record Current(String version, float[][] centroids) {}

    private final String modelId;
    private final AtomicReference<Current> current = new AtomicReference<>();
    private final KafkaConsumer<String, ClusterSet> consumer;
    private final Thread follower;
    private volatile boolean closed;

    ClusterAssigner(String topic, String modelId, Map<String, Object> kafka) {
        this.modelId = modelId;
        Map<String, Object> props = TopicScan.readerProperties(kafka);
        SpecificAvroDeserializer<ClusterSet> values = new SpecificAvroDeserializer<>(null, ClusterSet.class);
        values.configure(kafka, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.follower = Thread.ofPlatform().daemon().name("cluster-follower").start(this::follow);
    }

    ClusterAssignment assign(float[] embedding) {
        Current c = current.get();
        if (c == null || embedding == null) {
            return null;
        }
        int best = -1;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.centroids().length; i++) {
            float[] centroid = c.centroids()[i];
            double dot = 0;
            for (int k = 0; k < centroid.length && k < embedding.length; k++) {
                dot += centroid[k] * embedding[k];
            }
            if (dot > bestSim) {
                bestSim = dot;
                best = i;
            }
        }
        return new ClusterAssignment(best, c.version(), bestSim);
    }

    String version() {
        Current c = current.get();
        return c == null ? null : c.version();
    }

    private void follow() {
        try {
            while (!closed) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    ClusterSet set = r.value();
                    if (set != null && modelId.equals(set.getEmbeddingModel())) {
                        float[][] centroids = new float[set.getCentroids().size()][];
                        for (Centroid c : set.getCentroids()) {
                            float[] v = new float[c.getVector().size()];
                            for (int i = 0; i < v.length; i++) {
                                v[i] = c.getVector().get(i);
                            }
                            centroids[c.getId()] = v;
                        }
                        current.set(new Current(set.getVersion(), centroids));
                        log.info("Using cluster set {} ({} clusters)", set.getVersion(), centroids.length);
                    }
                });
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Cluster follower failed; keeping cluster set {}", version(), e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            follower.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
