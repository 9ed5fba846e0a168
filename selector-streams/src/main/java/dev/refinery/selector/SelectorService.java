package dev.refinery.selector;

import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.serde.SpecificAvroSerde;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.metrics.SelectorMetrics;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.policy.Selector;
import dev.refinery.selector.serde.DeadLetterDeserializationHandler;
import dev.refinery.selector.topology.SelectorTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the selector topology with {@code exactly_once_v2}: wires serdes against the registry, the policy, metrics,
 * the DLQ handler and the run manifest. Only wiring; the topology itself is {@link SelectorTopology}.
 */
public final class SelectorService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SelectorService.class);

    private final KafkaStreams streams;
    private final Selector selector;
    private final SelectorConfig config;

    private SelectorService(KafkaStreams streams, Selector selector, SelectorConfig config) {
        this.streams = streams;
        this.selector = selector;
        this.config = config;
    }

    public static SelectorService start(
            PlatformConfig platform, SelectorConfig config, Map<String, Object> kafkaOverrides, MeterRegistry meters)
            throws IOException {
        Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
        kafka.putAll(kafkaOverrides);
        SelectionPolicy policy = config.policy().isPresent()
                ? SelectionPolicy.read(config.policy().get())
                : defaultPolicy();
        Selector selector = new Selector(policy);
        var registry = new SchemaRegistryClient(RegistryClientConfig.fromMap(kafka));
        var scored = serde(registry, ScoredPair.class, kafka);
        var decisions = serde(registry, Decision.class, kafka);
        var curated = serde(registry, CuratedPair.class, kafka);
        SelectorMetrics metrics = new SelectorMetrics(meters, policy);
        Topology topology = SelectorTopology.build(
                new SelectorTopology.Settings(
                        platform.topics(),
                        selector,
                        config.runId(),
                        config.shardsPerCluster(),
                        config.rewriteWait(),
                        config.waitClock(),
                        config.followRewriterDlq(),
                        metrics),
                scored,
                serde(registry, DeadLetter.class, kafka),
                decisions,
                curated);
        KafkaStreams streams = new KafkaStreams(topology, streamsProperties(platform, config, kafka));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Selector stream thread failed; shutting the client down", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .SHUTDOWN_CLIENT;
        });
        streams.start();
        log.info(
                "Selector started: run {}, policy {} {}, {} shard(s) per cluster, rewrite wait {} ({} time)",
                config.runId(),
                policy.name(),
                policy.hash().substring(0, 12),
                config.shardsPerCluster(),
                config.rewriteWait(),
                config.waitClock() == org.apache.kafka.streams.processor.PunctuationType.STREAM_TIME
                        ? "stream"
                        : "wall-clock");
        return new SelectorService(streams, selector, config);
    }

    static Properties streamsProperties(PlatformConfig platform, SelectorConfig config, Map<String, Object> kafka) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        props.put(DeadLetterDeserializationHandler.DLQ_TOPIC, platform.topics().dlq());
        props.putIfAbsent(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        config.advertisedUrl()
                .ifPresent(u -> props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, u.getHost() + ":" + u.getPort()));
        return props;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde(
            SchemaRegistryClient registry, Class<T> type, Map<String, Object> kafka) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(registry, type);
        serde.configure(kafka, false);
        return serde;
    }

    /** The built-in policy: proportional alpha 0.3 by CLIP score, with two basic rules (see the resource). */
    public static SelectionPolicy defaultPolicy() {
        try (InputStream in = SelectorService.class.getResourceAsStream("/dev/refinery/selector/default-policy.json")) {
            return SelectionPolicy.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("default policy unreadable", e);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    public Selector selector() {
        return selector;
    }

    public SelectorConfig config() {
        return config;
    }

    public boolean running() {
        return streams.state().isRunningOrRebalancing();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
