package dev.refinery.runtime.worker;

import dev.refinery.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Builds the DLQ record for a consumed record that a stage cannot process; it carries the original bytes. */
public final class DeadLetters {
    private DeadLetters() {}

    /** A refusal caused by an exception (no stack trace: per-record refusals are expected). */
    public static DeadLetter of(String stage, ConsumerRecord<String, byte[]> record, String reason, Throwable error) {
        return of(stage, record, reason, error.getClass().getName(), String.valueOf(error.getMessage()));
    }

    /** A refusal decided by code, e.g. a failed rewrite: {@code errorClass} names the component that refused. */
    public static DeadLetter of(
            String stage, ConsumerRecord<String, byte[]> record, String reason, String errorClass, String message) {
        Map<String, ByteBuffer> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), ByteBuffer.wrap(h.value() == null ? new byte[0] : h.value()));
        }
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setReason(reason)
                .setErrorClass(errorClass)
                .setErrorMessage(message)
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
