package dev.refinery.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.ingest.IngestService;
import dev.refinery.ingest.config.IngestConfig;
import dev.refinery.ingest.http.IngestHttpServer;
import dev.refinery.ingest.importer.ImportRunner;
import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.pipeline.Outcome;
import dev.refinery.runtime.TestPairs;
import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.SourceKind;
import dev.refinery.testkit.EmbeddedInfra;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ingest throughput (bulk and HTTP) against the raw I/O it cannot avoid, measured in the same run on the same embedded
 * servers: S3 PUTs of the same images with the same client and parallelism, plus idempotent Kafka sends of the same
 * number of serialized RawPair-sized records. Each path gets fresh topics and a fresh bucket; a warm-up round runs
 * first and is discarded.
 */
final class IngestBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestBench() {}

    static void run(int pairs) throws Exception {
        List<byte[]> images = BenchImages.jpegs(pairs, 40);
        long bytes = images.stream().mapToLong(b -> b.length).sum();
        System.out.printf(
                Locale.ROOT, "%d pairs, %.1f MB of JPEG (mean %d bytes)%n", pairs, bytes / 1e6, bytes / pairs);
        try (EmbeddedInfra infra = EmbeddedInfra.start(Files.createTempDirectory("ingest-bench"), null, 0, 0)) {
            double[] result = new double[3];
            for (int round = 0; round < 2; round++) {
                List<byte[]> set = round == 0 ? images.subList(0, Math.min(300, pairs)) : images;
                result[0] = baseline(infra, set);
                result[1] = bulk(infra, set);
                result[2] = http(infra, set);
            }
            double mb = bytes / 1e6;
            System.out.println();
            System.out.println("path                          seconds    pairs/s     MB/s   ratio vs baseline");
            print("baseline: raw S3 PUT + Kafka", result[0], pairs, mb, result[0]);
            print("ingest bulk (ImportRunner)", result[1], pairs, mb, result[0]);
            print("ingest HTTP (4 clients x 100)", result[2], pairs, mb, result[0]);
        }
    }

    private static void print(String name, double seconds, int pairs, double mb, double baselineSeconds) {
        System.out.printf(
                Locale.ROOT,
                "%-28s %8.2f %10.0f %8.1f %10.3f%n",
                name,
                seconds,
                pairs / seconds,
                mb / seconds,
                baselineSeconds / seconds);
    }

    private static double baseline(EmbeddedInfra infra, List<byte[]> images) throws Exception {
        PlatformConfig p = platform(infra);
        var serializer = new SpecificAvroSerializer<RawPair>();
        serializer.configure(infra.clientProperties(), false);
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            events.add(serializer.serialize(p.topics().pairsRaw(), TestPairs.rawPair(i)));
        }
        long start = System.nanoTime();
        try (ObjectStore store = ObjectStore.create(p.s3());
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            store.ensureBucket();
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                byte[] image = images.get(i);
                String key = "images/raw/" + i;
                puts.add(pool.submit(() -> store.put(key, image, "image/jpeg")));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        }
        Map<String, Object> props = Map.of(
                "bootstrap.servers",
                infra.bootstrapServers(),
                "enable.idempotence",
                true,
                "acks",
                "all",
                "linger.ms",
                5,
                "compression.type",
                "zstd");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events.size(); i++) {
                producer.send(new ProducerRecord<>(p.topics().pairsRaw(), "k" + i, events.get(i)));
            }
            producer.flush();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double bulk(EmbeddedInfra infra, List<byte[]> images) throws Exception {
        PlatformConfig p = platform(infra);
        try (IngestService service = service(p)) {
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                candidates.add(Candidate.of(
                        images.get(i),
                        null,
                        null,
                        "a bench picture number " + i,
                        SourceKind.WEBDATASET,
                        "bench.tar",
                        "k" + i,
                        null,
                        Map.of(),
                        "bench#" + i));
            }
            long start = System.nanoTime();
            ImportRunner.Summary s = new ImportRunner(service.pipeline(), 256).run(candidates.iterator(), "bench");
            double seconds = (System.nanoTime() - start) / 1e9;
            check(s.count(Outcome.Status.ACCEPTED), images.size());
            return seconds;
        }
    }

    private static double http(EmbeddedInfra infra, List<byte[]> images) throws Exception {
        PlatformConfig p = platform(infra);
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < images.size(); i++) {
            body.append(JSON.writeValueAsString(Map.of(
                            "image_base64",
                            Base64.getEncoder().encodeToString(images.get(i)),
                            "caption",
                            "a bench picture number " + i)))
                    .append('\n');
            if ((i + 1) % 100 == 0 || i == images.size() - 1) {
                bodies.add(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                body.setLength(0);
            }
        }
        HttpClient client = HttpClient.newHttpClient();
        try (IngestService service = service(p);
                IngestHttpServer server = service.serveHttp();
                ExecutorService clients = Executors.newFixedThreadPool(4)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/pairs");
            long start = System.nanoTime();
            List<Future<Integer>> sent = new ArrayList<>();
            for (byte[] b : bodies) {
                sent.add(clients.submit(() -> {
                    var r = client.send(
                            HttpRequest.newBuilder(uri)
                                    .header("Content-Type", "application/x-ndjson")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(b))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                    }
                    return JSON.readTree(r.body()).get("accepted").asInt();
                }));
            }
            int accepted = 0;
            for (Future<Integer> f : sent) {
                accepted += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            check(accepted, images.size());
            return seconds;
        }
    }

    private static IngestService service(PlatformConfig p) throws Exception {
        IngestConfig config = IngestConfig.fromEnv(Env.of(Map.of(
                "REFINERY_INGEST_HTTP_HOST", "127.0.0.1",
                "REFINERY_INGEST_HTTP_PORT", "0",
                "REFINERY_INGEST_INSTANCE_ID", "bench-" + UUID.randomUUID())));
        return IngestService.start(p, config, Map.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    private static PlatformConfig platform(EmbeddedInfra infra) throws Exception {
        return TestPlatforms.create(infra);
    }

    private static void check(long accepted, int expected) {
        if (accepted != expected) {
            throw new IllegalStateException("accepted " + accepted + " of " + expected + " pairs");
        }
    }
}
