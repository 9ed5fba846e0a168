package dev.refinery.cli.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lag exporter's figures against Kafka's own {@code kafka-consumer-groups --describe} for the same group. */
@ExtendWith(RefineryInfraExtension.class)
class LagProbeIT {

    @Test
    void shouldReportTheSameLagAsKafkaConsumerGroupsAndTheAgeOfTheOldestWaitingRecord(Infra infra) throws Exception {
        String topic = "lag-it-" + UUID.randomUUID();
        String group = "lag-it-group-" + UUID.randomUUID();
        Map<String, Object> kafka = new HashMap<>(Map.of("bootstrap.servers", infra.bootstrapServers()));
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        long minuteAgo = System.currentTimeMillis() - 60_000;
        try (var producer = new KafkaProducer<>(kafka, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 90; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, minuteAgo + i, "k" + i, "v" + i));
            }
        }
        Map<String, Object> consumerProps = new HashMap<>(kafka);
        consumerProps.put("group.id", group);
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(Map.of(
                    new TopicPartition(topic, 0), new OffsetAndMetadata(10),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(30),
                    new TopicPartition(topic, 2), new OffsetAndMetadata(0)));
        }

        List<PartitionLag> ours;
        try (LagProbe probe = new LagProbe(kafka, Clock.systemUTC())) {
            ours = probe.of(List.of(group));
        }
        List<String[]> theirs = kafkaConsumerGroupsDescribe(infra.bootstrapServers(), group);

        assertThat(ours).hasSize(3);
        assertThat(theirs).hasSize(3);
        for (String[] row : theirs) {
            int partition = Integer.parseInt(row[2]);
            PartitionLag l = ours.stream()
                    .filter(x -> x.partition() == partition)
                    .findFirst()
                    .orElseThrow();
            assertThat(l.topic()).isEqualTo(row[1]);
            assertThat(l.committed()).as("CURRENT-OFFSET of p" + partition).isEqualTo(Long.parseLong(row[3]));
            assertThat(l.logEndOffset()).as("LOG-END-OFFSET of p" + partition).isEqualTo(Long.parseLong(row[4]));
            assertThat(l.lag()).as("LAG of p" + partition).isEqualTo(Long.parseLong(row[5]));
        }
        assertThat(ours).extracting(PartitionLag::lag).containsExactly(20L, 0L, 30L);
        assertThat(ours.get(0).lagSeconds()).isBetween(55.0, 600.0);
        assertThat(ours.get(1).lagSeconds()).isZero();
        assertThat(ours.get(2).lagSeconds()).isBetween(55.0, 600.0);

        try (MonitorServer server = new MonitorServer(
                "127.0.0.1",
                0,
                new HashMap<>(infra.clientProperties()),
                dev.refinery.runtime.topic.TopicNames.withPrefix("lag-it."),
                () -> null)) {
            String metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics)
                    .contains("refinery_consumer_lag_records{group=\"" + group + "\",topic=\"" + topic
                            + "\",partition=\"2\"} 30")
                    .contains("refinery_consumer_lag_seconds{group=\"" + group);
        }
    }

    /** Runs Kafka's ConsumerGroupCommand in a child JVM and returns its data rows split on whitespace. */
    private static List<String[]> kafkaConsumerGroupsDescribe(String bootstrap, String group) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
                        "--bootstrap-server",
                        bootstrap,
                        "--describe",
                        "--group",
                        group)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 6 && cols[0].equals(group)) {
                rows.add(cols);
            }
        }
        return rows;
    }
}
