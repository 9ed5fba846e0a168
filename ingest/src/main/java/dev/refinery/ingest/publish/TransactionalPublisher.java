package dev.refinery.ingest.publish;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes groups of records atomically with an idempotent, transactional producer and group commit: one thread
 * takes the first waiting group, drains more for up to {@code linger} or {@code maxRecords}, and commits them in one
 * transaction. A caller's future completes only after its records are committed, so "accepted" means durable. A
 * fenced or otherwise fatal producer fails every waiting group and marks the publisher unhealthy; the process should
 * then stop so that the orchestrator restarts it.
 */
public final class TransactionalPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TransactionalPublisher.class);

    private record Group(List<ProducerRecord<String, byte[]>> records, CompletableFuture<Void> done) {}

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics clientMetrics;
    private final BlockingQueue<Group> queue;
    private final int maxRecords;
    private final Duration linger;
    private final Thread loop;
    private volatile boolean running = true;
    private volatile Throwable fatal;

    public TransactionalPublisher(
            Map<String, Object> producerProps,
            String transactionalId,
            int queueCapacity,
            int maxRecords,
            Duration linger,
            MeterRegistry metrics) {
        Map<String, Object> props = new HashMap<>(producerProps);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.producer.initTransactions();
        // producer buffer, batch sizes, request latency: kafka_producer_* meters
        this.clientMetrics = new KafkaClientMetrics(producer);
        this.clientMetrics.bindTo(metrics);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxRecords = maxRecords;
        this.linger = linger;
        Gauge.builder("refinery.ingest.publish.queue", queue, BlockingQueue::size)
                .description("Batches waiting for the transactional publisher")
                .register(metrics);
        this.loop = Thread.ofPlatform().name("publisher-" + transactionalId).start(this::run);
    }

    /**
     * Queues records to be committed together.
     *
     * @throws BackpressureException when the queue is full (the caller should answer 429 / slow down)
     */
    public CompletableFuture<Void> publish(List<ProducerRecord<String, byte[]>> records) {
        if (fatal != null || !running) {
            return CompletableFuture.failedFuture(new IllegalStateException("publisher stopped", fatal));
        }
        Group group = new Group(List.copyOf(records), new CompletableFuture<>());
        if (!queue.offer(group)) {
            throw new BackpressureException("publish queue full (" + queue.size() + " groups waiting)");
        }
        return group.done();
    }

    public boolean healthy() {
        return running && fatal == null && loop.isAlive();
    }

    public int queued() {
        return queue.size();
    }

    private void run() {
        List<Group> groups = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Group first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                groups.add(first);
                int count = first.records().size();
                long deadline = System.nanoTime() + linger.toNanos();
                while (count < maxRecords) {
                    Group next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    groups.add(next);
                    count += next.records().size();
                }
                commit(groups);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                groups.clear();
            }
        }
        failWaiting(new IllegalStateException("publisher stopped", fatal));
    }

    private void commit(List<Group> groups) {
        try {
            producer.beginTransaction();
            for (Group g : groups) {
                for (ProducerRecord<String, byte[]> r : g.records()) {
                    producer.send(r);
                }
            }
            producer.commitTransaction();
            groups.forEach(g -> g.done().complete(null));
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            fatal = e;
            running = false;
            log.error("Transactional producer failed fatally; stopping the publisher", e);
            groups.forEach(g -> g.done().completeExceptionally(e));
        } catch (KafkaException e) {
            log.warn("Transaction of {} groups aborted: {}", groups.size(), e.toString());
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailure) {
                e.addSuppressed(abortFailure);
                fatal = abortFailure;
                running = false;
            }
            groups.forEach(g -> g.done().completeExceptionally(e));
        }
    }

    private void failWaiting(Throwable cause) {
        Group g;
        while ((g = queue.poll()) != null) {
            g.done().completeExceptionally(cause);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            loop.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clientMetrics.close();
        producer.close(Duration.ofSeconds(10));
    }
}
