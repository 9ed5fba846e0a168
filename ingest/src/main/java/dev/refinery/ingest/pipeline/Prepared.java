package dev.refinery.ingest.pipeline;

import dev.refinery.ingest.validate.ImageInfo;
import dev.refinery.ingest.validate.RejectedInputException;

/**
 * A candidate after download and validation: valid (bytes, image info, normalised caption and ids), rejected, or
 * skipped. {@code inputKey} identifies the source record for resumable imports and DLQ dedup.
 */
record Prepared(
        Candidate candidate,
        String inputKey,
        byte[] bytes,
        ImageInfo info,
        String caption,
        String imageId,
        String pairId,
        RejectedInputException rejection,
        boolean skipped) {

    static Prepared valid(
            Candidate c, String inputKey, byte[] bytes, ImageInfo info, String caption, String imageId, String pairId) {
        return new Prepared(c, inputKey, bytes, info, caption, imageId, pairId, null, false);
    }

    static Prepared rejected(Candidate c, String inputKey, RejectedInputException e) {
        return new Prepared(c, inputKey, null, null, null, null, null, e, false);
    }

    static Prepared skip(Candidate c, String inputKey) {
        return new Prepared(c, inputKey, null, null, null, null, null, null, true);
    }

    boolean valid() {
        return rejection == null && !skipped;
    }
}
