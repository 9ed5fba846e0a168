package dev.refinery.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.topic.TopicAdmin;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.topic.TopicSpec;
import dev.refinery.schemas.ClusterAssignment;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.ImageRef;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.schemas.Signal;
import dev.refinery.schemas.Source;
import dev.refinery.schemas.SourceKind;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code refinery replay} and {@code refinery runs list|show|diff} as an operator runs them (child JVMs configured by
 * environment variables) against a real broker, registry and S3.
 */
@ExtendWith(RefineryInfraExtension.class)
class RunsCommandsIT {
    private static final int PAIRS = 300;

    @Test
    void shouldReplayTwoPoliciesAndListShowAndDiffTheRuns(Infra infra, @TempDir Path dir) throws Exception {
        String prefix = "it-runs-" + Long.toHexString(System.nanoTime()) + ".";
        TopicNames topics = TopicNames.withPrefix(prefix);
        try (Admin admin = Admin.create(infra.clientProperties())) {
            TopicAdmin.ensure(admin, TopicSpec.catalogue(topics, 3, (short) 1));
        }
        publish(infra.clientProperties(), topics.pairsScored());
        Map<String, String> env = new HashMap<>(infra.environment());
        env.put("REFINERY_TOPIC_PREFIX", prefix);
        env.put("REFINERY_S3_BUCKET", "it-runs");
        Path low = Files.writeString(dir.resolve("low.json"), policy("0.2"));
        Path high = Files.writeString(dir.resolve("high.json"), policy("0.4"));

        String a = CliProcess.run(env, dir, 3, "replay", "--policy", low.toString(), "--run-id", "cli-a");
        String b = CliProcess.run(
                env, dir, 3, "replay", "--policy", high.toString(), "--run-id", "cli-b", "--from", "earliest");
        String list = CliProcess.run(env, dir, 3, "runs", "list");
        String show = CliProcess.run(env, dir, 3, "runs", "show", "cli-a");
        String diff = CliProcess.run(env, dir, 3, "runs", "diff", "cli-a", "cli-b");

        long acceptedA = accepted(a);
        long acceptedB = accepted(b);
        assertThat(a).contains("run cli-a", "decided " + PAIRS, "REFINERY_RUN_ID=cli-a refinery sink");
        assertThat(acceptedB).isGreaterThan(acceptedA);
        assertThat(list).contains("cli-a", "cli-b", "COMPLETED", "proportional", "2 run(s)");
        assertThat(show).contains("\"run_id\" : \"cli-a\"", "\"application_id\" : \"replay-cli-a\"", "end_offset");
        Matcher total = Pattern.compile("total +(\\d+) +(\\d+) +(\\d+) +(\\d+)").matcher(diff);
        assertThat(total.find()).as(diff).isTrue();
        assertThat(Long.parseLong(total.group(1))).isEqualTo(acceptedA);
        assertThat(Long.parseLong(total.group(2))).isEqualTo(acceptedB);
        assertThat(Long.parseLong(total.group(3))).isPositive();
        assertThat(acceptedB - acceptedA).isEqualTo(Long.parseLong(total.group(3)) - Long.parseLong(total.group(4)));
    }

    private static long accepted(String replayOutput) {
        Matcher m = Pattern.compile("accepted (\\d+)").matcher(replayOutput);
        assertThat(m.find()).as(replayOutput).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Runs {@code refinery args...} in a child JVM with {@code env}; returns its output, failing on an error exit. */
    private static String policy(String alpha) {
        return String.format(Locale.ROOT, """
            {"type": "proportional", "alpha": %s, "weights": {"clip_score": 1.0}}\
            """, alpha);
    }

    private static void publish(Map<String, Object> kafka, String topic) throws Exception {
        var serializer = new SpecificAvroSerializer<ScoredPair>();
        serializer.configure(kafka, false);
        Random random = new Random(9);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        try (var producer = new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < PAIRS; i++) {
                String id = String.format(Locale.ROOT, "%016x%048x", random.nextLong(), i);
                Instant at = t0.plusSeconds(i);
                ScoredPair p = pair(id, i % 4, 0.2 + 0.15 * random.nextDouble(), at);
                sent.add(producer.send(
                        new ProducerRecord<>(topic, i % 3, at.toEpochMilli(), id, serializer.serialize(topic, p))));
            }
            producer.flush();
        }
        for (var f : sent) {
            f.get(); // a lost record fails here, not as a wrong count later
        }
    }

    private static ScoredPair pair(String id, int cluster, double clip, Instant at) {
        RawPair raw = new RawPair(
                id,
                "img-" + id,
                0,
                "a caption",
                new ImageRef("s3://b/images/" + id, 10_000L, ImageFormat.JPEG, 640, 480),
                new Source(SourceKind.JSONL, "test", null, null, null),
                at,
                false,
                Map.of(),
                null);
        return new ScoredPair(
                raw,
                clip,
                null,
                null,
                List.of(new Signal("caption_words", "test-1", 5.0, null)),
                new ClusterAssignment(cluster, "cs-1", 0.9),
                Route.KEEP_CANDIDATE,
                List.of(),
                "routing-test",
                "model-test",
                at);
    }
}
