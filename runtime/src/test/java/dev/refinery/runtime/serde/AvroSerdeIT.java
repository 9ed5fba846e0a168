package dev.refinery.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.runtime.TestPairs;
import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.registry.SchemaRegistryException;
import dev.refinery.runtime.registry.UnknownSchemaIdException;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RefineryInfraExtension.class)
class AvroSerdeIT {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldRoundTripARawPairThroughTheBrokerInConfluentWireFormat(Infra infra) throws Exception {
        String topic = newTopic(infra);
        RawPair sent = TestPairs.rawPair(1);

        Map<String, Object> producerProps = infra.clientProperties();
        producerProps.put("key.serializer", StringSerializer.class.getName());
        producerProps.put("value.serializer", SpecificAvroSerializer.class.getName());
        producerProps.put("enable.idempotence", "true");
        try (var producer = new KafkaProducer<String, RawPair>(producerProps)) {
            producer.send(new ProducerRecord<>(topic, sent.getPairId(), sent)).get();
        }

        ConsumerRecord<String, byte[]> rawRecord = readOne(infra, topic, ByteArrayDeserializer.class);
        byte[] raw = rawRecord.value();
        var latest =
                json.readTree(httpGet(infra.schemaRegistryUrl() + "/subjects/" + topic + "-value/versions/latest"));
        int registeredId = latest.get("id").asInt();
        assertThat(raw[0]).as("magic byte").isZero();
        assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).as("schema id").isEqualTo(registeredId);
        assertThat(latest.get("schema").asText())
                .contains("\"name\":\"RawPair\"")
                .doesNotContain("avro.java.string");

        ConsumerRecord<String, RawPair> received = readOne(infra, topic, SpecificAvroDeserializer.class);
        assertThat(received.value()).isEqualTo(sent);
    }

    @Test
    void shouldRoundTripAScoredPairWithATypedSerde(Infra infra) {
        var client = new SchemaRegistryClient(
                RegistryClientConfig.of(infra.schemaRegistryUrl().toString()));
        var serde = SpecificAvroSerde.forValues(client, ScoredPair.class, infra.clientProperties());
        ScoredPair pair = TestPairs.scoredPair(2);

        byte[] bytes = serde.serializer().serialize("serde-" + UUID.randomUUID(), pair);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(pair);
    }

    @Test
    void shouldFailClearlyOnAnUnknownSchemaId(Infra infra) {
        var deserializer = new SpecificAvroDeserializer<RawPair>();
        deserializer.configure(infra.clientProperties(), false);
        byte[] bytes = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 2, 4};

        assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
                .isInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining("Unknown schema id " + 0x7ffffff0);
    }

    @Test
    void shouldRefuseToWriteAnUnregisteredSchemaWhenAutoRegisterIsOff(Infra infra) {
        var serializer = new SpecificAvroSerializer<RawPair>();
        Map<String, Object> props = new HashMap<>(infra.clientProperties());
        props.put(AvroSerdeConfig.AUTO_REGISTER, "false");
        serializer.configure(props, false);
        String topic = "unregistered-" + UUID.randomUUID();

        assertThatThrownBy(() -> serializer.serialize(topic, TestPairs.rawPair(3)))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("not registered under subject " + topic + "-value")
                .hasMessageContaining("auto.register.schemas=false");
    }

    private static String newTopic(Infra infra) throws Exception {
        String topic = "serde-it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infra.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private static <V> ConsumerRecord<String, V> readOne(Infra infra, String topic, Class<?> valueDeserializer) {
        Map<String, Object> props = infra.clientProperties();
        props.put("group.id", "it-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", valueDeserializer.getName());
        try (var consumer = new KafkaConsumer<String, V>(props)) {
            consumer.subscribe(Set.of(topic));
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).hasSize(1);
            return records.get(0);
        }
    }

    private static String httpGet(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }
}
