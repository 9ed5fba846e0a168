package dev.refinery.scorer;

import dev.refinery.runtime.TestPairs;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.ImageRef;
import dev.refinery.schemas.RawPair;
import dev.refinery.scorer.demo.DemoImage;
import dev.refinery.scorer.demo.ShapeImages;
import dev.refinery.testkit.Infra;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Raw pairs as ingest would publish them: demo images stored in S3, RawPairs on pairs.raw. */
public final class ScorerFixtures {
    private ScorerFixtures() {}

    /** Stores {@code image} in the platform's bucket and publishes a RawPair for it with {@code caption}. */
    public static RawPair publish(
            Infra infra,
            PlatformConfig platform,
            KafkaProducer<String, byte[]> producer,
            byte[] image,
            ImageFormat format,
            int width,
            int height,
            String caption,
            int n)
            throws Exception {
        return publish(infra, platform, producer, image, format, width, height, caption, null, n);
    }

    /** As {@link #publish}, with the RawPair's source metadata (page title, ...) replaced when not null. */
    public static RawPair publish(
            Infra infra,
            PlatformConfig platform,
            KafkaProducer<String, byte[]> producer,
            byte[] image,
            ImageFormat format,
            int width,
            int height,
            String caption,
            Map<String, String> metadata,
            int n)
            throws Exception {
        String imageId =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        String key = "images/" + imageId.substring(0, 2) + "/" + imageId;
        try (ObjectStore store = ObjectStore.create(platform.s3())) {
            store.ensureBucket();
            store.put(key, image, "application/octet-stream");
        }
        RawPair base = TestPairs.rawPair(n);
        RawPair pair = RawPair.newBuilder(base)
                .setPairId(String.format("%064x", 5_000_000L + n))
                .setImageId(imageId)
                .setCaption(caption)
                .setImage(ImageRef.newBuilder()
                        .setUri("s3://" + platform.s3().bucket() + "/" + key)
                        .setSizeBytes(image.length)
                        .setFormat(format)
                        .setWidth(width)
                        .setHeight(height)
                        .build())
                .setMetadata(metadata == null ? base.getMetadata() : metadata)
                .build();
        var serializer = new SpecificAvroSerializer<RawPair>();
        serializer.configure(infra.clientProperties(), false);
        producer.send(new ProducerRecord<>(
                        platform.topics().pairsRaw(),
                        pair.getPairId(),
                        serializer.serialize(platform.topics().pairsRaw(), pair)))
                .get();
        return pair;
    }

    public static KafkaProducer<String, byte[]> producer(Infra infra) {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", infra.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    public static List<DemoImage> demoImages(int count) {
        return ShapeImages.generate(count, 42);
    }

    public static String matched(DemoImage image, int n) {
        return ShapeImages.matchedCaption(image, new Random(n));
    }
}
