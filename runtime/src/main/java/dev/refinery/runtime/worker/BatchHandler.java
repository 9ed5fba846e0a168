package dev.refinery.runtime.worker;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns one batch of consumed records into the records to produce in the batch's transaction. Per-record failures
 * are data (DLQ records among the outputs); a thrown exception means the whole batch failed and is retried.
 */
@FunctionalInterface
public interface BatchHandler {
    List<ProducerRecord<String, byte[]>> handle(List<ConsumerRecord<String, byte[]>> batch);
}
