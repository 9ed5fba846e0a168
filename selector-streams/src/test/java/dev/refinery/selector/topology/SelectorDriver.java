package dev.refinery.selector.topology;

import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.policy.Selector;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.PunctuationType;

/** A TopologyTestDriver around the selector topology with plain Avro serdes. */
final class SelectorDriver implements AutoCloseable {
    static final TopicNames TOPICS = TopicNames.withPrefix("t.");
    static final Instant START = Instant.parse("2026-11-25T00:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, ScoredPair> scored;
    final TestInputTopic<String, DeadLetter> dlq;
    final TestOutputTopic<String, Decision> decisions;
    final TestOutputTopic<String, CuratedPair> curated;

    SelectorDriver(String policy, int shards, Duration wait, PunctuationType clock) {
        Topology topology = topology(policy, shards, wait, clock);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "selector-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(
                    StreamsConfig.STATE_DIR_CONFIG,
                    Files.createTempDirectory("selector-ttd").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(topology, props, START);
        var scoredSerde = new PlainAvroSerde<>(ScoredPair.class);
        scored = driver.createInputTopic(
                TOPICS.pairsScored(), Serdes.String().serializer(), scoredSerde.serializer(), START, Duration.ZERO);
        dlq = driver.createInputTopic(
                TOPICS.dlq(),
                Serdes.String().serializer(),
                new PlainAvroSerde<>(DeadLetter.class).serializer(),
                START,
                Duration.ZERO);
        decisions = driver.createOutputTopic(
                TOPICS.pairsDecisions(),
                Serdes.String().deserializer(),
                new PlainAvroSerde<>(Decision.class).deserializer());
        curated = driver.createOutputTopic(
                TOPICS.pairsCurated(),
                Serdes.String().deserializer(),
                new PlainAvroSerde<>(CuratedPair.class).deserializer());
    }

    static Topology topology(String policy, int shards, Duration wait, PunctuationType clock) {
        var settings = new SelectorTopology.Settings(
                TOPICS,
                new Selector(SelectionPolicy.parse(policy)),
                "run-test",
                shards,
                wait,
                clock,
                true,
                SelectorTopology.SelectorListener.NONE);
        return SelectorTopology.build(
                settings,
                new PlainAvroSerde<>(ScoredPair.class),
                new PlainAvroSerde<>(DeadLetter.class),
                new PlainAvroSerde<>(Decision.class),
                new PlainAvroSerde<>(CuratedPair.class));
    }

    /** Pipes {@code pair} with its {@code scored_at} as the record timestamp. */
    void pipe(ScoredPair pair) {
        scored.pipeInput(pair.getPair().getPairId(), pair, pair.getScoredAt());
    }

    /** Pipes a dead letter of {@code stage} for {@code pairId}, keyed by pair id as every stage writes them. */
    void deadLetter(String stage, String pairId, String reason, Instant at) {
        var consumed = new org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>(
                TOPICS.pairsRewrite(), 0, 7L, pairId, new byte[] {1});
        dlq.pipeInput(
                pairId,
                dev.refinery.runtime.worker.DeadLetters.of(stage, consumed, reason, "Test", "test dead letter"),
                at);
    }

    List<Decision> decisions() {
        return decisions.readValuesToList();
    }

    List<CuratedPair> curated() {
        return curated.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
