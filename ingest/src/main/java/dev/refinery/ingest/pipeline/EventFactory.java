package dev.refinery.ingest.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refinery.ingest.validate.RejectedInputException;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.ImageRef;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Source;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Builds the Kafka records ingest publishes: {@code RawPair} to pairs.raw and {@code DeadLetter} to the DLQ. */
final class EventFactory {
    static final String SOURCE_HEADER = "refinery.source";
    static final String TRACE_HEADER = "refinery.trace_id";
    private static final int MAX_CAPTION_IN_DLQ = 8192;
    private static final int MAX_RAW_IN_DLQ = 65536;

    private final TopicNames topics;
    private final SpecificAvroSerializer<RawPair> rawSerializer;
    private final SpecificAvroSerializer<DeadLetter> dlqSerializer;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    EventFactory(
            TopicNames topics,
            SpecificAvroSerializer<RawPair> rawSerializer,
            SpecificAvroSerializer<DeadLetter> dlqSerializer,
            Clock clock) {
        this.topics = topics;
        this.rawSerializer = rawSerializer;
        this.dlqSerializer = dlqSerializer;
        this.clock = clock;
    }

    ProducerRecord<String, byte[]> rawPair(Prepared p, String uri, boolean imageSeenBefore, String traceId) {
        Candidate c = p.candidate();
        RawPair pair = RawPair.newBuilder()
                .setPairId(p.pairId())
                .setImageId(p.imageId())
                .setRevision(0)
                .setCaption(p.caption())
                .setImage(ImageRef.newBuilder()
                        .setUri(uri)
                        .setSizeBytes(p.bytes().length)
                        .setFormat(p.info().format())
                        .setWidth(p.info().width())
                        .setHeight(p.info().height())
                        .build())
                .setSource(Source.newBuilder()
                        .setKind(c.kind())
                        .setName(c.sourceName())
                        .setImageUrl(c.imageUrl() == null ? null : c.imageUrl().toString())
                        .setPageUrl(c.pageUrl())
                        .setRecordKey(c.recordKey())
                        .build())
                .setIngestedAt(clock.instant())
                .setImageSeenBefore(imageSeenBefore)
                .setMetadata(Map.copyOf(c.metadata()))
                .setProvenance(null)
                .build();
        return withHeaders(
                new ProducerRecord<>(topics.pairsRaw(), p.pairId(), rawSerializer.serialize(topics.pairsRaw(), pair)),
                c,
                traceId);
    }

    ProducerRecord<String, byte[]> deadLetter(Prepared p, String traceId) {
        RejectedInputException e = p.rejection();
        Candidate c = p.candidate();
        DeadLetter dl = DeadLetter.newBuilder()
                .setStage("ingest")
                .setReason(e.reason())
                .setErrorClass(e.getClass().getName())
                .setErrorMessage(String.valueOf(e.getMessage()))
                .setStackTrace(null)
                .setSourceTopic(null)
                .setSourcePartition(null)
                .setSourceOffset(null)
                .setOrigin(c.origin())
                .setOriginalKey(ByteBuffer.wrap(p.inputKey().getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(ByteBuffer.wrap(describe(c)))
                .setOriginalHeaders(Map.of())
                .setFailedAt(clock.instant())
                .build();
        return withHeaders(
                new ProducerRecord<>(topics.dlq(), p.inputKey(), dlqSerializer.serialize(topics.dlq(), dl)),
                c,
                traceId);
    }

    /** The input as JSON for the DLQ: caption and metadata, the image's size and hash, never the image bytes. */
    private byte[] describe(Candidate c) {
        if (c.rawInput() != null) {
            byte[] raw = c.rawInput();
            return raw.length <= MAX_RAW_IN_DLQ ? raw : java.util.Arrays.copyOf(raw, MAX_RAW_IN_DLQ);
        }
        ObjectNode node = json.createObjectNode();
        String caption = c.captionBytes() != null ? new String(c.captionBytes(), StandardCharsets.UTF_8) : c.caption();
        if (caption != null) {
            node.put(
                    "caption",
                    caption.length() > MAX_CAPTION_IN_DLQ ? caption.substring(0, MAX_CAPTION_IN_DLQ) : caption);
        }
        if (c.imageUrl() != null) {
            node.put("image_url", c.imageUrl().toString());
        }
        if (c.imageBytes() != null) {
            node.put("image_bytes", c.imageBytes().length);
        }
        node.put("source_kind", c.kind().name());
        node.put("source_name", c.sourceName());
        node.put("record_key", c.recordKey());
        node.put("page_url", c.pageUrl());
        node.set("metadata", json.valueToTree(c.metadata()));
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ProducerRecord<String, byte[]> withHeaders(
            ProducerRecord<String, byte[]> r, Candidate c, String traceId) {
        r.headers()
                .add(new RecordHeader(
                        SOURCE_HEADER, (c.kind() + ":" + c.sourceName()).getBytes(StandardCharsets.UTF_8)));
        if (traceId != null) {
            r.headers().add(new RecordHeader(TRACE_HEADER, traceId.getBytes(StandardCharsets.UTF_8)));
        }
        return r;
    }
}
