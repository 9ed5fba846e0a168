package dev.refinery.scorer.fit;

import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.schemas.Centroid;
import dev.refinery.schemas.ClusterSet;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.scorer.cluster.Float16;
import dev.refinery.scorer.cluster.SphericalKMeans;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code refinery clusters fit}: reads up to {@code sample} image embeddings of one model from pairs.scored (from the
 * start of the topic), fits spherical k-means, and publishes a new {@link ClusterSet} version to the compacted
 * clusters topic, which running scorers pick up without a restart.
 */
public final class ClusterFitter {
    private static final Logger log = LoggerFactory.getLogger(ClusterFitter.class);

    private ClusterFitter() {}

    /** The published set. */
    public static ClusterSet fit(
            TopicNames topics, Map<String, Object> kafka, int k, int sample, Optional<String> modelId, long seed) {
        List<float[]> vectors = new ArrayList<>();
        String model = sample(topics.pairsScored(), kafka, sample, modelId, vectors);
        if (vectors.size() < k) {
            throw new IllegalStateException("only " + vectors.size() + " embeddings of model " + model + " in "
                    + topics.pairsScored() + "; need at least k = " + k);
        }
        return publish(topics, kafka, model, vectors, k, seed);
    }

    /** Fits k centroids to {@code vectors} (L2-normalised embeddings of {@code model}) and publishes the set. */
    public static ClusterSet publish(
            TopicNames topics, Map<String, Object> kafka, String model, List<float[]> vectors, int k, long seed) {
        SphericalKMeans.Result result = SphericalKMeans.fit(vectors.toArray(float[][]::new), k, seed, 50);
        List<Centroid> centroids = new ArrayList<>();
        for (int i = 0; i < result.centroids().length; i++) {
            List<Float> v = new ArrayList<>(result.centroids()[i].length);
            for (float x : result.centroids()[i]) {
                v.add(x);
            }
            centroids.add(new Centroid(i, v, result.sizes()[i]));
        }
        Instant now = Instant.now();
        ClusterSet set = ClusterSet.newBuilder()
                .setVersion(version(now, result.centroids()))
                .setEmbeddingModel(model)
                .setDim(result.centroids()[0].length)
                .setMetric("cosine")
                .setCentroids(centroids)
                .setSampleSize(vectors.size())
                .setCreatedAt(now)
                .build();
        var serializer = new SpecificAvroSerializer<ClusterSet>();
        serializer.configure(kafka, false);
        Map<String, Object> props = new HashMap<>(kafka);
        props.put("enable.idempotence", true);
        props.put("acks", "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            topics.clusters(), set.getVersion(), serializer.serialize(topics.clusters(), set)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot publish cluster set: " + e.getCause(), e.getCause());
        }
        log.info(
                "Published cluster set {}: k={}, {} embeddings of {}, {} iterations, mean similarity {}",
                set.getVersion(),
                k,
                vectors.size(),
                model,
                result.iterations(),
                result.meanSimilarity());
        return set;
    }

    private static String sample(
            String topic, Map<String, Object> kafka, int sample, Optional<String> modelId, List<float[]> out) {
        var values = new SpecificAvroDeserializer<ScoredPair>(null, ScoredPair.class);
        values.configure(kafka, false);
        String[] model = {modelId.orElse(null)};
        if (sample > 0) {
            TopicScan.scan(kafka, topic, values, null, r -> {
                ScoredPair p = r.value();
                if (p != null && p.getImageEmbedding() != null) {
                    if (model[0] == null) {
                        model[0] = p.getModelId();
                    }
                    if (model[0].equals(p.getModelId())) {
                        out.add(Float16.decode(p.getImageEmbedding().duplicate()));
                    }
                }
                return out.size() < sample;
            });
        }
        if (model[0] == null) {
            throw new IllegalStateException("no scored pairs with embeddings in " + topic);
        }
        return model[0];
    }

    private static String version(Instant at, float[][] centroids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(4);
            for (float[] c : centroids) {
                for (float x : c) {
                    sha.update(b.clear().putFloat(x).array());
                }
            }
            return at.toString().replace(":", "").replace("-", "").substring(0, 15) + "-"
                    + HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
