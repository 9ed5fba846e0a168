package dev.refinery.runtime.worker;

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
 * Consume → batch → transform → produce, exactly once: each batch's outputs (results and DLQ records alike) are
 * produced in one Kafka transaction together with the consumed offsets. Batches are cut by size or by the maximum
 * delay since their first record. A failed batch is aborted and the consumer rewound to it; a fenced producer stops
 * the loop (a newer instance with the same transactional id took over). Shared by the scorer and the rewriter.
 */
public final class TransactionalBatchLoop implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TransactionalBatchLoop.class);

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final List<String> inputTopics;
    private final BatchHandler handler;
    private final int batchSize;
    private final Duration maxDelay;
    private final BatchObserver observer;
    private final BeforeCommit beforeCommit;
    private final List<ConsumerRecord<String, byte[]>> pending = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Throwable failure;
    private long firstPendingAt;
    private int batches;

    /**
     * @param name stage name for logs, e.g. {@code scorer}
     * @param beforeCommit test hook, or null
     */
    public TransactionalBatchLoop(
            String name,
            KafkaConsumer<String, byte[]> consumer,
            KafkaProducer<String, byte[]> producer,
            List<String> inputTopics,
            BatchHandler handler,
            int batchSize,
            Duration maxDelay,
            BatchObserver observer,
            BeforeCommit beforeCommit) {
        if (batchSize < 1 || maxDelay.isNegative()) {
            throw new IllegalArgumentException("batchSize must be >= 1 and maxDelay >= 0");
        }
        this.name = name;
        this.consumer = consumer;
        this.producer = producer;
        this.inputTopics = List.copyOf(inputTopics);
        this.handler = handler;
        this.batchSize = batchSize;
        this.maxDelay = maxDelay;
        this.observer = observer;
        this.beforeCommit = beforeCommit;
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(inputTopics, new DropRevoked());
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
            log.error("{} stopped: the producer is fenced or failed fatally", name, e);
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("{} stopped by an unexpected failure", name, e);
        } finally {
            running = false;
            closeClients();
        }
    }

    private void processNextBatch() {
        List<ConsumerRecord<String, byte[]>> batch =
                new ArrayList<>(pending.subList(0, Math.min(batchSize, pending.size())));
        observer.batch(batch.size(), Duration.ofMillis(System.currentTimeMillis() - firstPendingAt));
        List<ProducerRecord<String, byte[]>> results;
        try {
            results = handler.handle(batch);
        } catch (RuntimeException e) {
            log.warn("{}: batch of {} failed, rewinding to retry it: {}", name, batch.size(), e.toString());
            rewind();
            sleep(Duration.ofSeconds(1));
            return;
        }
        try {
            producer.beginTransaction();
            for (ProducerRecord<String, byte[]> r : results) {
                producer.send(r);
            }
            producer.sendOffsetsToTransaction(nextOffsets(batch), consumer.groupMetadata());
            if (beforeCommit != null) {
                beforeCommit.run(++batches);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("{}: transaction of a batch of {} aborted, rewinding: {}", name, batch.size(), e.toString());
            producer.abortTransaction();
            rewind();
            return;
        }
        pending.subList(0, batch.size()).clear();
        if (!pending.isEmpty()) {
            firstPendingAt = System.currentTimeMillis();
        }
    }

    /**
     * The offsets after the batch, per partition. Where the batch holds the last polled record of a partition, the
     * consumer's position is used instead, which is past any transaction markers that follow it: a caught-up group
     * then shows no lag on transactional input topics.
     */
    private Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, Long> last = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            last.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max);
        }
        Map<TopicPartition, Long> lastPending = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : pending) {
            lastPending.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        last.forEach((tp, offset) -> {
            boolean drained = offset.equals(lastPending.get(tp));
            long next = drained ? Math.max(offset + 1, consumer.position(tp)) : offset + 1;
            offsets.put(tp, new OffsetAndMetadata(next));
        });
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
            log.info("{}: assigned partitions {}", name, partitions);
        }
    }

    public boolean running() {
        return running;
    }

    /** Why the loop stopped, or null. */
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
