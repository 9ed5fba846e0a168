package dev.refinery.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact-duplicate state shared by every ingest instance through a compacted topic: each accepted pair, image and
 * finished source record leaves a marker, written in the same Kafka transaction as the events it guards. On start the
 * store reads the topic to its end (read_committed) before ingest reports ready, and afterwards keeps following it, so
 * markers written by other instances become visible within one poll. Within an instance, {@link #reserve} makes the
 * check-and-claim atomic; across instances, two submissions of the same pair within the follow delay can both pass,
 * which the selector's per-pair key absorbs downstream.
 */
public final class DedupStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DedupStore.class);

    private final String topic;
    private final byte[] instance;
    private final Map<MarkerKind, HashSet128> markers = new EnumMap<>(MarkerKind.class);
    private final HashSet128 inFlight = new HashSet128();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread follower;
    private final CountDownLatch restored = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;

    private DedupStore(String topic, String instanceId, Map<String, Object> consumerProps) {
        this.topic = topic;
        this.instance = instanceId.getBytes(StandardCharsets.UTF_8);
        for (MarkerKind kind : MarkerKind.values()) {
            markers.put(kind, new HashSet128());
        }
        Map<String, Object> props = new HashMap<>(consumerProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.follower = Thread.ofPlatform().daemon().name("dedup-follower").unstarted(this::follow);
    }

    /** Reads the dedup topic to its end, then keeps following it in the background. */
    public static DedupStore restore(
            String topic, String instanceId, Map<String, Object> consumerProps, Duration timeout)
            throws TimeoutException, InterruptedException {
        DedupStore store = new DedupStore(topic, instanceId, consumerProps);
        store.follower.start();
        if (!store.restored.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            store.close();
            throw new TimeoutException("Dedup topic " + topic + " not restored within " + timeout);
        }
        if (store.failure.get() != null) {
            store.close();
            throw new IllegalStateException("Cannot restore dedup topic " + topic, store.failure.get());
        }
        return store;
    }

    public boolean seen(MarkerKind kind, String id) {
        return markers.get(kind).contains(id);
    }

    /** Claims {@code pairId} for publishing; false when it is already published or claimed by a request in flight. */
    public boolean reserve(String pairId) {
        if (seen(MarkerKind.PAIR, pairId) || !inFlight.add(pairId)) {
            return false;
        }
        if (seen(MarkerKind.PAIR, pairId)) { // committed by the follower between the two checks
            inFlight.remove(pairId);
            return false;
        }
        return true;
    }

    /** Gives a claim back (the publish failed, or it was marked committed). */
    public void release(String pairId) {
        inFlight.remove(pairId);
    }

    /** Records markers whose transaction committed, without waiting for the follower to read them back. */
    public void committed(MarkerKind kind, String id) {
        markers.get(kind).add(id);
        if (kind == MarkerKind.PAIR) {
            inFlight.remove(id);
        }
    }

    /** The marker record to send in the transaction that publishes the guarded events. */
    public ProducerRecord<String, byte[]> marker(MarkerKind kind, String id) {
        return new ProducerRecord<>(topic, kind.key(id), instance);
    }

    public int size(MarkerKind kind) {
        return markers.get(kind).size();
    }

    /** True while the follower runs; false after a failure or close. */
    public boolean healthy() {
        return failure.get() == null && !closed && follower.isAlive();
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (!caughtUp(end)) {
                count += apply(consumer.poll(Duration.ofMillis(200)));
            }
            log.info("Dedup store restored {} markers from {} ({} partitions)", count, topic, partitions.size());
            restored.countDown();
            while (!closed) {
                apply(consumer.poll(Duration.ofMillis(500)));
            }
        } catch (WakeupException e) {
            if (!closed) {
                failure.set(e);
            }
        } catch (RuntimeException e) {
            failure.set(e);
            log.error("Dedup follower of {} failed; ingest reports not ready", topic, e);
        } finally {
            restored.countDown();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private long apply(Iterable<ConsumerRecord<String, byte[]>> records) {
        long n = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            MarkerKind kind = r.key() == null ? null : MarkerKind.ofKey(r.key());
            if (kind != null) {
                markers.get(kind).add(r.key().substring(2));
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            follower.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
