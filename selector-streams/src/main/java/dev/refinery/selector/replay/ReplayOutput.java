package dev.refinery.selector.replay;

import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Outcome;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a replay's decisions to {@code pairs.decisions} and the accepted pairs to {@code pairs.curated}, keyed by
 * pair id, in Kafka transactions of {@code perTransaction} decisions: a {@code read_committed} reader (the sink,
 * {@code runs diff}) never sees a torn batch. {@link #flush()} commits the last one.
 */
final class ReplayOutput implements Consumer<CuratedPair>, AutoCloseable {
    private final Producer<String, byte[]> producer;
    private final TopicNames topics;
    private final Serializer<Decision> decisions;
    private final Serializer<CuratedPair> curated;
    private final int perTransaction;
    private int open;

    ReplayOutput(
            Producer<String, byte[]> producer,
            TopicNames topics,
            Serializer<Decision> decisions,
            Serializer<CuratedPair> curated,
            int perTransaction) {
        this.producer = producer;
        this.topics = topics;
        this.decisions = decisions;
        this.curated = curated;
        this.perTransaction = perTransaction;
        producer.initTransactions();
    }

    @Override
    public void accept(CuratedPair pair) {
        if (open == 0) {
            producer.beginTransaction();
        }
        Decision d = pair.getDecision();
        String key = d.getPairId();
        producer.send(new ProducerRecord<>(
                topics.pairsDecisions(),
                null,
                d.getDecidedAt().toEpochMilli(),
                key,
                decisions.serialize(topics.pairsDecisions(), d)));
        if (d.getOutcome() == Outcome.ACCEPTED) {
            producer.send(new ProducerRecord<>(
                    topics.pairsCurated(),
                    null,
                    d.getDecidedAt().toEpochMilli(),
                    key,
                    curated.serialize(topics.pairsCurated(), pair)));
        }
        if (++open >= perTransaction) {
            flush();
        }
    }

    /** Commits the open transaction, if any. */
    void flush() {
        if (open > 0) {
            producer.commitTransaction();
            open = 0;
        }
    }

    /** Aborts the open transaction, if any (after a failure). */
    void abort() {
        if (open > 0) {
            open = 0;
            producer.abortTransaction();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
