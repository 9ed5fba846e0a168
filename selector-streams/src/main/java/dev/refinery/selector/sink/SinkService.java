package dev.refinery.selector.sink;

import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.lifecycle.Resources;
import dev.refinery.runtime.lifecycle.ServiceThread;
import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.DeadLetter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Wires the curated sink: a read_committed consumer of {@code pairs.curated}, the object store, a DLQ producer. */
public final class SinkService implements AutoCloseable {
    private final CuratedSink sink;
    private final ServiceThread thread;

    private SinkService(Resources resources, CuratedSink sink) {
        this.sink = sink;
        this.thread = new ServiceThread("curated-sink", sink, sink::close, resources, Duration.ofSeconds(60));
    }

    public static SinkService start(
            PlatformConfig platform,
            SinkConfig config,
            Map<String, Object> kafkaOverrides,
            MeterRegistry meters,
            CuratedSink.AfterTarUpload hook) {
        Resources resources = new Resources();
        try {
            Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
            kafka.putAll(kafkaOverrides);
            ObjectStore objects = resources.add(ObjectStore.create(platform.s3()));
            objects.ensureBucket();
            var registry = new SchemaRegistryClient(RegistryClientConfig.fromMap(kafka));
            var curated = new SpecificAvroDeserializer<>(registry, CuratedPair.class);
            curated.configure(kafka, false);
            var dlq = new SpecificAvroSerializer<DeadLetter>(registry);
            dlq.configure(kafka, false);
            Map<String, Object> consumerProps = new HashMap<>(kafka);
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
            consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumerProps.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerProps.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
            Map<String, Object> producerProps = new HashMap<>(kafka);
            producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
            ExecutorService fetch = Executors.newFixedThreadPool(
                    config.fetchConcurrency(), Thread.ofVirtual().factory());
            resources.add(fetch::shutdownNow);
            CuratedSink sink = new CuratedSink(
                    new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer()),
                    new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer()),
                    platform.topics().pairsCurated(),
                    platform.topics().dlq(),
                    objects,
                    curated,
                    dlq,
                    config,
                    new SinkMetrics(meters),
                    fetch,
                    hook);
            return new SinkService(resources, sink);
        } catch (RuntimeException | Error e) {
            resources.close();
            throw e;
        }
    }

    public CuratedSink sink() {
        return sink;
    }

    /** Blocks until the worker stops. */
    public void await() throws InterruptedException {
        thread.await();
    }

    @Override
    public void close() {
        thread.close();
    }
}
