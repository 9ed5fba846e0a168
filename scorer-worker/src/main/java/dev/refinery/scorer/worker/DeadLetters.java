package dev.refinery.scorer.worker;

import dev.refinery.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Builds the DLQ record for a consumed record the scorer cannot process. */
final class DeadLetters {
    private DeadLetters() {}

    static DeadLetter of(ConsumerRecord<String, byte[]> record, String reason, Throwable error) {
        Map<String, ByteBuffer> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), ByteBuffer.wrap(h.value() == null ? new byte[0] : h.value()));
        }
        return DeadLetter.newBuilder()
                .setStage("scorer")
                .setReason(reason)
                .setErrorClass(error.getClass().getName())
                .setErrorMessage(String.valueOf(error.getMessage()))
                .setStackTrace(null) // per-record refusals are expected: no stack trace
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setOrigin(null)
                .setOriginalKey(
                        record.key() == null
                                ? null
                                : ByteBuffer.wrap(record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setOriginalValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setOriginalHeaders(headers)
                .setFailedAt(Instant.now())
                .build();
    }
}
