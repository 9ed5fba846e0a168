package dev.refinery.bench;

import dev.refinery.runtime.TestPairs;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.schemas.ClusterAssignment;
import dev.refinery.schemas.ImageRef;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.schemas.Signal;
import dev.refinery.testkit.EmbeddedInfra;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The scored pairs of the selector and replay benchmarks: {@code images} stored in S3, then {@code pairs} ScoredPairs
 * (revision 0, KEEP_CANDIDATE, CLIP score 0.2-0.35, 10 clusters, each pointing at one of the images) produced to
 * {@code pairs.scored}, Avro through the schema registry, keyed by pair id.
 */
final class BenchScoredPairs {
    private BenchScoredPairs() {}

    static void publish(EmbeddedInfra infra, PlatformConfig platform, int pairs, List<byte[]> images) throws Exception {
        List<String> uris = new ArrayList<>();
        try (ObjectStore objects = ObjectStore.create(platform.s3())) {
            objects.ensureBucket();
            for (int i = 0; i < images.size(); i++) {
                objects.put("images/bench/" + i, images.get(i), "image/jpeg");
                uris.add(objects.uri("images/bench/" + i));
            }
        }
        var serializer = new SpecificAvroSerializer<ScoredPair>();
        serializer.configure(infra.clientProperties(), false);
        String topic = platform.topics().pairsScored();
        Random random = new Random(5);
        Instant now = Instant.now();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", infra.bootstrapServers(), "linger.ms", 20),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < pairs; i++) {
                String id = String.format(Locale.ROOT, "%016x%048x", random.nextLong(), i);
                ScoredPair p = pair(id, i, random, uris.get(i % uris.size()), now);
                producer.send(new ProducerRecord<>(topic, id, serializer.serialize(topic, p)));
            }
            producer.flush();
        }
    }

    private static ScoredPair pair(String id, int i, Random random, String uri, Instant now) {
        RawPair raw = RawPair.newBuilder(TestPairs.rawPair(i))
                .setPairId(id)
                .setImage(ImageRef.newBuilder(TestPairs.rawPair(i).getImage())
                        .setUri(uri)
                        .build())
                .build();
        return ScoredPair.newBuilder(TestPairs.scoredPair(i))
                .setPair(raw)
                .setClipScore(0.2 + 0.15 * random.nextDouble())
                .setSignals(List.of(new Signal("caption_words", "1", 6.0, null)))
                .setCluster(new ClusterAssignment(i % 10, "bench", 0.9))
                .setRoute(Route.KEEP_CANDIDATE)
                .setRouteReasons(List.of())
                .setScoredAt(now)
                .build();
    }
}
