package dev.refinery.selector.sink;

import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.worker.DeadLetters;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.DeadLetter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code pairs.curated} to WebDataset shards in S3 under {@code curated/<run>/shards/}. Per partition, records
 * go into one open shard, cut by count, bytes or age; a cut uploads the tar, then its index (the completion marker),
 * then commits the offset after the shard. After a restart the sink resumes at the committed offset: a shard whose
 * index already exists there (uploaded, not committed) is adopted and committed; a tar without an index is deleted
 * and rebuilt. Names come from partition and offsets, so a retry overwrites the same objects. A record that cannot be
 * written (undecodable, image missing) goes to the DLQ and its offset is still covered by the shard; records of
 * other runs (runs share the topic) are skipped the same way.
 */
public final class CuratedSink implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CuratedSink.class);
    static final String STAGE = "sink";

    /** Test hook: called after shard {@code n}'s tar is uploaded, before its index and commit. */
    public interface AfterTarUpload {
        void run(int shardNumber);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> dlqProducer;
    private final String topic;
    private final String dlqTopic;
    private final ObjectStore objects;
    private final SpecificAvroDeserializer<CuratedPair> curated;
    private final SpecificAvroSerializer<DeadLetter> deadLetters;
    private final SinkConfig config;
    private final SinkMetrics metrics;
    private final ExecutorService fetchPool;
    private final AfterTarUpload hook;
    private final Map<TopicPartition, OpenShard> open = new HashMap<>();
    private final Map<TopicPartition, Long> nextStart = new HashMap<>();
    private final Map<TopicPartition, Long> lastPolled = new HashMap<>();
    private volatile boolean running = true;
    private volatile Throwable failure;
    private int uploaded;

    CuratedSink(
            KafkaConsumer<String, byte[]> consumer,
            KafkaProducer<String, byte[]> dlqProducer,
            String topic,
            String dlqTopic,
            ObjectStore objects,
            SpecificAvroDeserializer<CuratedPair> curated,
            SpecificAvroSerializer<DeadLetter> deadLetters,
            SinkConfig config,
            SinkMetrics metrics,
            ExecutorService fetchPool,
            AfterTarUpload hook) {
        this.consumer = consumer;
        this.dlqProducer = dlqProducer;
        this.topic = topic;
        this.dlqTopic = dlqTopic;
        this.objects = objects;
        this.curated = curated;
        this.deadLetters = deadLetters;
        this.config = config;
        this.metrics = metrics;
        this.fetchPool = fetchPool;
        this.hook = hook;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition tp : records.partitions()) {
                    append(tp, records.records(tp));
                }
                for (TopicPartition tp : List.copyOf(open.keySet())) {
                    if (open.get(tp).writer.ageNanos() >= config.shardMaxAge().toNanos()) {
                        cut(tp);
                    }
                }
            }
            for (TopicPartition tp : List.copyOf(open.keySet())) {
                cut(tp); // graceful stop: finish the open shards
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            log.error("Curated sink stopped by a failure; open shards are rebuilt from the committed offsets", e);
        } finally {
            running = false;
            discardOpen();
            try {
                dlqProducer.close(Duration.ofSeconds(10));
            } finally {
                consumer.close();
            }
        }
    }

    private void append(TopicPartition tp, List<ConsumerRecord<String, byte[]>> records) throws IOException {
        lastPolled.put(tp, records.getLast().offset());
        List<Future<Sample>> samples = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            samples.add(fetchPool.submit(() -> Sample.load(r, curated, objects, config.runId())));
        }
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> r = records.get(i);
            Sample s = await(samples.get(i));
            OpenShard shard = open.get(tp);
            if (shard == null) {
                shard = new OpenShard(nextStart.getOrDefault(tp, r.offset()), new ShardWriter(config.spoolDir()));
                open.put(tp, shard);
            }
            if (s.failureReason() != null) {
                metrics.deadLetter(s.failureReason());
                DeadLetter letter = DeadLetters.of(STAGE, r, s.failureReason(), s.failure());
                dlqProducer.send(new ProducerRecord<>(dlqTopic, r.key(), deadLetters.serialize(dlqTopic, letter)));
            } else if (s != Sample.OTHER_RUN) {
                shard.writer.add(s.key(), r.offset(), s.extension(), s.image(), s.caption(), s.json());
            }
            shard.end = r.offset();
            if (shard.writer.count() >= config.shardMaxRecords() || shard.writer.bytes() >= config.shardMaxBytes()) {
                cut(tp);
            }
        }
    }

    private static Sample await(Future<Sample> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching images", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("image fetch failed unexpectedly", e.getCause());
        }
    }

    private void cut(TopicPartition tp) throws IOException {
        OpenShard shard = open.remove(tp);
        if (shard == null) {
            return;
        }
        long started = System.nanoTime();
        try (ShardWriter writer = shard.writer) {
            Path file = writer.finish();
            if (writer.count() > 0) {
                String tarKey = ShardNames.tar(config.runId(), tp.partition(), shard.start, shard.end);
                long size = Files.size(file);
                try (InputStream in = Files.newInputStream(file)) {
                    objects.upload(tarKey, in, size, "application/x-tar");
                }
                if (hook != null) {
                    hook.run(++uploaded);
                }
                byte[] index = writer.index(config.runId(), tarKey, tp.partition(), shard.start, shard.end);
                objects.put(
                        ShardNames.index(config.runId(), tp.partition(), shard.start, shard.end),
                        index,
                        "application/json");
                metrics.shard(writer.count(), size, Duration.ofNanos(System.nanoTime() - started));
                log.info("Shard {} uploaded: {} samples, {} bytes", tarKey, writer.count(), size);
            }
        }
        dlqProducer.flush(); // DLQ records of this range are durable before its offsets are committed
        // past transaction markers when the shard ends at the last polled record, so the group shows no lag
        long next = shard.end == lastPolled.getOrDefault(tp, -1L) ? consumer.position(tp) : shard.end + 1;
        consumer.commitSync(Map.of(tp, new OffsetAndMetadata(next)));
        nextStart.put(tp, next);
    }

    /** At the committed position: commit a completed but uncommitted shard, delete a tar left without its index. */
    private void adopt(TopicPartition tp) {
        long position = consumer.position(tp);
        while (true) {
            List<String> keys = objects.list(ShardNames.startPrefix(config.runId(), tp.partition(), position));
            var end = keys.stream()
                    .map(ShardNames::endOfIndex)
                    .flatMap(java.util.Optional::stream)
                    .findFirst();
            if (end.isEmpty()) {
                keys.stream().filter(k -> k.endsWith(".tar")).forEach(k -> {
                    log.info("Deleting {}: uploaded before a crash, without its index; it will be rebuilt", k);
                    objects.delete(k);
                });
                nextStart.put(tp, position);
                return;
            }
            log.info("Adopting the completed shard of partition {} at {}..{}", tp, position, end.get());
            consumer.seek(tp, end.get() + 1);
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(end.get() + 1)));
            metrics.adopted();
            position = end.get() + 1;
        }
    }

    private void discardOpen() {
        for (OpenShard shard : open.values()) {
            try {
                shard.writer.close();
            } catch (IOException e) {
                log.warn("Cannot delete a spool file: {}", e.toString());
            }
        }
        open.clear();
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                OpenShard shard = open.remove(tp);
                if (shard != null) {
                    try {
                        shard.writer.close(); // not committed: the next owner rebuilds it
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                nextStart.remove(tp);
                lastPolled.remove(tp);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(CuratedSink.this::adopt);
            log.info("Sink assigned {}", partitions);
        }
    }

    public boolean running() {
        return running;
    }

    public Throwable failure() {
        return failure;
    }

    /** Stops after the poll in progress (at most 500 ms) and finishes the open shards. */
    @Override
    public void close() {
        running = false;
    }
}
