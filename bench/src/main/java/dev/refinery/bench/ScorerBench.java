package dev.refinery.bench;

import dev.refinery.runtime.TestPairs;
import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.ImageRef;
import dev.refinery.schemas.RawPair;
import dev.refinery.scorer.ScorerService;
import dev.refinery.scorer.config.ScorerConfig;
import dev.refinery.scorer.demo.DemoImage;
import dev.refinery.scorer.demo.ShapeImages;
import dev.refinery.scorer.image.ClipPreprocessor;
import dev.refinery.scorer.inference.ClipModel;
import dev.refinery.scorer.inference.GpuMode;
import dev.refinery.scorer.inference.OnnxClipModel;
import dev.refinery.scorer.model.TinyClipModel;
import dev.refinery.testkit.EmbeddedInfra;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scorer end to end (consume RawPairs, fetch from S3, decode, preprocess, infer, signals, route, produce in
 * transactions) against the model call alone on the same, already preprocessed images and the same batch size,
 * measured in the same run: the ratio says what the pipeline around inference costs.
 */
final class ScorerBench {
    private ScorerBench() {}

    static void run(int pairs, Path modelDir) throws Exception {
        Path dir = Files.createTempDirectory("scorer-bench");
        if (modelDir == null) {
            modelDir = dir.resolve("tiny-clip");
            TinyClipModel.write(modelDir);
        }
        List<DemoImage> images = ShapeImages.generate(pairs, 7);
        double inference = inferenceOnly(modelDir, images, 32);
        try (EmbeddedInfra infra = EmbeddedInfra.start(dir, null, 0, 0)) {
            PlatformConfig platform = TestPlatforms.create(infra);
            List<RawPair> raw = store(infra, platform, images);
            Map<String, String> env = new HashMap<>(TestPlatforms.environment(platform));
            env.putAll(Map.of(
                    "REFINERY_SCORER_MODEL", modelDir.toString(),
                    "REFINERY_SCORER_GPU", "off",
                    "REFINERY_SCORER_BATCH_SIZE", "32",
                    "REFINERY_SCORER_BATCH_MAX_DELAY_MS", "50",
                    "REFINERY_SCORER_GROUP_ID", "bench-scorer",
                    "REFINERY_SCORER_HTTP_PORT", "0"));
            ScorerConfig config = ScorerConfig.fromEnv(Env.of(env));
            try (ScorerService scorer =
                            ScorerService.start(platform, config, Map.of(), new SimpleMeterRegistry(), null);
                    var producer = new KafkaProducer<>(
                            Map.<String, Object>of("bootstrap.servers", infra.bootstrapServers(), "linger.ms", 5),
                            new StringSerializer(),
                            new ByteArraySerializer());
                    Admin admin = Admin.create(Map.of("bootstrap.servers", infra.bootstrapServers()))) {
                var serializer = new SpecificAvroSerializer<RawPair>();
                serializer.configure(infra.clientProperties(), false);
                int warm = Math.min(64, raw.size() / 4);
                send(producer, serializer, platform, raw.subList(0, warm));
                waitConsumed(admin, platform, warm);
                long start = System.nanoTime();
                send(producer, serializer, platform, raw.subList(warm, raw.size()));
                waitConsumed(admin, platform, raw.size());
                double seconds = (System.nanoTime() - start) / 1e9;
                double e2e = (raw.size() - warm) / seconds;
                System.out.printf(
                        Locale.ROOT,
                        "%nmodel %s, %d pairs, batch 32, CPU%n",
                        scorer.model().id(),
                        pairs);
                System.out.printf(
                        Locale.ROOT, "inference only (preprocessed, same batches)  %8.0f pairs/s%n", inference);
                System.out.printf(
                        Locale.ROOT,
                        "scorer end to end (Kafka, S3, decode, ...)    %8.0f pairs/s   ratio %.3f%n",
                        e2e,
                        e2e / inference);
            }
        }
    }

    private static double inferenceOnly(Path modelDir, List<DemoImage> images, int batch) throws Exception {
        try (ClipModel model = OnnxClipModel.load(modelDir, GpuMode.OFF, 0, 0)) {
            ClipPreprocessor pre = new ClipPreprocessor(model.preprocessor());
            int len = pre.tensorLength();
            float[] pixels = new float[images.size() * len];
            List<String> captions = new ArrayList<>();
            Random r = new Random(1);
            for (int i = 0; i < images.size(); i++) {
                pre.preprocessInto(images.get(i).bytes(), pixels, i * len);
                captions.add(ShapeImages.matchedCaption(images.get(i), r));
            }
            for (int round = 0; round < 2; round++) { // first round warms up
                long start = System.nanoTime();
                for (int i = 0; i < images.size(); i += batch) {
                    int n = Math.min(batch, images.size() - i);
                    float[] slice = java.util.Arrays.copyOfRange(pixels, i * len, (i + n) * len);
                    model.embed(slice, n, captions.subList(i, i + n));
                }
                if (round == 1) {
                    return images.size() / ((System.nanoTime() - start) / 1e9);
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }

    private static List<RawPair> store(EmbeddedInfra infra, PlatformConfig platform, List<DemoImage> images)
            throws Exception {
        List<RawPair> out = new ArrayList<>();
        Random r = new Random(3);
        try (ObjectStore store = ObjectStore.create(platform.s3())) {
            store.ensureBucket();
            for (int i = 0; i < images.size(); i++) {
                DemoImage img = images.get(i);
                String id = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(img.bytes()));
                String key = "images/" + id.substring(0, 2) + "/" + id;
                store.put(key, img.bytes(), "image/" + img.format());
                out.add(RawPair.newBuilder(TestPairs.rawPair(i))
                        .setPairId(String.format("%064x", 9_000_000L + i))
                        .setImageId(id)
                        .setCaption(ShapeImages.matchedCaption(img, r))
                        .setImage(new ImageRef(
                                "s3://" + platform.s3().bucket() + "/" + key,
                                (long) img.bytes().length,
                                ImageFormat.valueOf(img.format().toUpperCase(Locale.ROOT)),
                                img.width(),
                                img.height()))
                        .build());
            }
        }
        return out;
    }

    private static void send(
            KafkaProducer<String, byte[]> producer,
            SpecificAvroSerializer<RawPair> serializer,
            PlatformConfig platform,
            List<RawPair> pairs) {
        String topic = platform.topics().pairsRaw();
        pairs.forEach(p -> producer.send(new ProducerRecord<>(topic, p.getPairId(), serializer.serialize(topic, p))));
        producer.flush();
    }

    /** Waits until the scorer's group has committed offsets covering {@code count} records of pairs.raw. */
    private static void waitConsumed(Admin admin, PlatformConfig platform, long count) throws Exception {
        String topic = platform.topics().pairsRaw();
        while (true) {
            var committed = admin.listConsumerGroupOffsets(Map.of("bench-scorer", new ListConsumerGroupOffsetsSpec()))
                    .partitionsToOffsetAndMetadata("bench-scorer")
                    .get();
            long done = committed.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
            if (done >= count) {
                return;
            }
            Thread.sleep(20);
        }
    }
}
