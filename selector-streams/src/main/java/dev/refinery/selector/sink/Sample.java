package dev.refinery.selector.sink;

import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.RawPair;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** One curated record made ready for a shard (image fetched), or the reason it cannot be written. */
record Sample(
        String key,
        String extension,
        byte[] image,
        String caption,
        byte[] json,
        String failureReason,
        Exception failure) {

    /** A record of another run (runs share the curated topic): its offset is covered, nothing is written. */
    static final Sample OTHER_RUN = new Sample(null, null, null, null, null, null, null);

    static Sample load(
            ConsumerRecord<String, byte[]> r,
            SpecificAvroDeserializer<CuratedPair> curated,
            ObjectStore objects,
            String runId) {
        CuratedPair pair;
        try {
            pair = curated.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            return failed("serde.invalid_record", e);
        }
        if (!runId.equals(pair.getDecision().getRunId())) {
            return OTHER_RUN;
        }
        RawPair raw = pair.getScored().getPair();
        byte[] image;
        try {
            image = objects.getUri(raw.getImage().getUri());
        } catch (NoSuchKeyException e) {
            return failed("image.missing_object", e);
        } catch (IllegalArgumentException e) {
            return failed("image.invalid_uri", e);
        }
        return new Sample(
                raw.getPairId(), SampleJson.extension(raw), image, raw.getCaption(), SampleJson.of(pair), null, null);
    }

    private static Sample failed(String reason, Exception e) {
        return new Sample(null, null, null, null, null, reason, e);
    }
}
