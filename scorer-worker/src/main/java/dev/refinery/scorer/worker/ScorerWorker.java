package dev.refinery.scorer.worker;

import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.scorer.metrics.ScorerMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume → batch → score → produce, exactly once: each batch's ScoredPairs (and the REWRITE subset, and DLQ records)
 * are produced in one Kafka transaction together with the consumed offsets. Batches are cut by size or by the maximum
 * delay since their first record. A failed batch is aborted and the consumer rewound to it; a fenced producer stops
 * the worker (a newer instance with the same transactional id took over).
 */
public final class ScorerWorker implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScorerWorker.class);

    /** Test hook: runs after a batch's records and offsets are sent, before the commit. */
    public interface BeforeCommit {
        void run(int batchNumber);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final BatchScorer scorer;
    private final TopicNames topics;
    private final SpecificAvroSerializer<ScoredPair> scoredSerializer;
    private final SpecificAvroSerializer<DeadLetter> dlqSerializer;
    private final int batchSize;
    private final Duration maxDelay;
    private final ScorerMetrics metrics;
    private final BeforeCommit beforeCommit;
    private final List<ConsumerRecord<String, byte[]>> pending = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Throwable failure;
    private long firstPendingAt;
    private int batches;

    ScorerWorker(
            KafkaConsumer<String, byte[]> consumer,
            KafkaProducer<String, byte[]> producer,
            BatchScorer scorer,
            TopicNames topics,
            SpecificAvroSerializer<ScoredPair> scoredSerializer,
            SpecificAvroSerializer<DeadLetter> dlqSerializer,
            int batchSize,
            Duration maxDelay,
            ScorerMetrics metrics,
            BeforeCommit beforeCommit) {
        this.consumer = consumer;
        this.producer = producer;
        this.scorer = scorer;
        this.topics = topics;
        this.scoredSerializer = scoredSerializer;
        this.dlqSerializer = dlqSerializer;
        this.batchSize = batchSize;
        this.maxDelay = maxDelay;
        this.metrics = metrics;
        this.beforeCommit = beforeCommit;
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(topics.pairsRaw(), topics.pairsRewritten()), new DropRevoked());
            while (running) {
                long wait = pending.isEmpty()
                        ? 500
                        : Math.max(0, maxDelay.toMillis() - (System.currentTimeMillis() - firstPendingAt));
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(wait))) {
                    if (pending.isEmpty()) {
                        firstPendingAt = System.currentTimeMillis();
                    }
                    pending.add(r);
                }
                while (!pending.isEmpty()
                        && (pending.size() >= batchSize
                                || System.currentTimeMillis() - firstPendingAt >= maxDelay.toMillis())) {
                    processNextBatch();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            failure = e;
            log.error("Scorer stopped: the producer is fenced or failed fatally", e);
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("Scorer stopped by an unexpected failure", e);
        } finally {
            running = false;
            closeClients();
        }
    }

    private void processNextBatch() {
        List<ConsumerRecord<String, byte[]>> batch =
                new ArrayList<>(pending.subList(0, Math.min(batchSize, pending.size())));
        metrics.batch(batch.size(), Duration.ofMillis(System.currentTimeMillis() - firstPendingAt));
        List<Scored> results;
        try {
            results = scorer.score(batch);
        } catch (RuntimeException e) {
            log.warn("Batch of {} failed, rewinding to retry it: {}", batch.size(), e.toString());
            rewind();
            sleep(Duration.ofSeconds(1));
            return;
        }
        try {
            producer.beginTransaction();
            for (Scored s : results) {
                send(s);
            }
            producer.sendOffsetsToTransaction(nextOffsets(batch), consumer.groupMetadata());
            if (beforeCommit != null) {
                beforeCommit.run(++batches);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("Transaction of a batch of {} aborted, rewinding: {}", batch.size(), e.toString());
            producer.abortTransaction();
            rewind();
            return;
        }
        pending.subList(0, batch.size()).clear();
        if (!pending.isEmpty()) {
            firstPendingAt = System.currentTimeMillis();
        }
    }

    private void send(Scored s) {
        String key = s.source().key();
        if (s.scored() != null) {
            byte[] value = scoredSerializer.serialize(topics.pairsScored(), s.scored());
            producer.send(new ProducerRecord<>(topics.pairsScored(), key, value));
            if (s.scored().getRoute() == Route.REWRITE) {
                producer.send(new ProducerRecord<>(
                        topics.pairsRewrite(), key, scoredSerializer.serialize(topics.pairsRewrite(), s.scored())));
            }
        } else {
            producer.send(
                    new ProducerRecord<>(topics.dlq(), key, dlqSerializer.serialize(topics.dlq(), s.deadLetter())));
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            offsets.merge(
                    new TopicPartition(r.topic(), r.partition()),
                    new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /** Seeks every partition with pending records back to its first pending offset, and forgets them. */
    private void rewind() {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : pending) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        first.forEach(consumer::seek);
        pending.clear();
    }

    private final class DropRevoked implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            pending.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.info("Scoring partitions {}", partitions);
        }
    }

    public boolean running() {
        return running;
    }

    /** Why the worker stopped, or null. */
    public Throwable failure() {
        return failure;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeClients() {
        try {
            producer.close(Duration.ofSeconds(10));
        } finally {
            consumer.close();
        }
    }

    /** Stops after the batch in progress (committed or aborted). */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
