package dev.refinery.rewriter;

import dev.refinery.runtime.TestPairs;
import dev.refinery.runtime.TopicReader;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.ImageRef;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.testkit.Infra;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Events the rewriter consumes and reads back, on the real broker and registry. */
public final class RewriterFixtures {
    private RewriterFixtures() {}

    /** A revision-0 ScoredPair routed to REWRITE for {@code reason}, with {@code caption} and page metadata. */
    public static ScoredPair routedToRewrite(int n, String caption, Map<String, String> metadata, String reason) {
        RawPair pair = RawPair.newBuilder(TestPairs.rawPair(n))
                .setPairId(String.format("%064x", 7_000_000L + n))
                .setCaption(caption)
                .setMetadata(metadata)
                .build();
        return ScoredPair.newBuilder()
                .setPair(pair)
                .setClipScore(0.05)
                .setImageEmbedding(null)
                .setTextEmbedding(null)
                .setSignals(List.of())
                .setCluster(null)
                .setRoute(Route.REWRITE)
                .setRouteReasons(List.of(reason))
                .setRoutingPolicyVersion("default-test")
                .setModelId("test-model")
                .setScoredAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .build();
    }

    /** Stores {@code jpeg} in the platform's bucket and points {@code scored}'s image at it. */
    public static ScoredPair withStoredImage(PlatformConfig platform, ScoredPair scored, byte[] jpeg) {
        String key = "images/it/" + scored.getPair().getPairId();
        try (ObjectStore store = ObjectStore.create(platform.s3())) {
            store.ensureBucket();
            store.put(key, jpeg, "image/jpeg");
        }
        ImageRef ref = ImageRef.newBuilder(scored.getPair().getImage())
                .setUri("s3://" + platform.s3().bucket() + "/" + key)
                .setSizeBytes(jpeg.length)
                .setFormat(ImageFormat.JPEG)
                .build();
        return ScoredPair.newBuilder(scored)
                .setPair(RawPair.newBuilder(scored.getPair()).setImage(ref).build())
                .build();
    }

    public static void publishToRewrite(
            Infra infra, PlatformConfig platform, KafkaProducer<String, byte[]> producer, ScoredPair scored)
            throws Exception {
        var serializer = new SpecificAvroSerializer<ScoredPair>();
        serializer.configure(infra.clientProperties(), false);
        String topic = platform.topics().pairsRewrite();
        producer.send(new ProducerRecord<>(topic, scored.getPair().getPairId(), serializer.serialize(topic, scored)))
                .get();
    }

    public static List<RawPair> rewritten(Infra infra, PlatformConfig platform) {
        return read(infra, platform.topics().pairsRewritten(), RawPair.class);
    }

    public static List<ScoredPair> scored(Infra infra, PlatformConfig platform) {
        return read(infra, platform.topics().pairsScored(), ScoredPair.class);
    }

    public static List<DeadLetter> deadLetters(Infra infra, PlatformConfig platform) {
        return read(infra, platform.topics().dlq(), DeadLetter.class);
    }

    private static <T extends SpecificRecord> List<T> read(Infra infra, String topic, Class<T> type) {
        return TopicReader.values(infra, topic, type);
    }
}
