package dev.refinery.ingest.pipeline;

/**
 * What happened to one input: exactly one of accepted (published to pairs.raw), duplicate (exact pair already
 * published; counted), rejected (sent to the DLQ with {@code reason}), or skipped (a source record whose outcome was
 * already final in an earlier run of a resumable import).
 */
public record Outcome(Status status, String pairId, String imageId, String reason, String message) {

    public enum Status {
        ACCEPTED,
        DUPLICATE,
        REJECTED,
        SKIPPED
    }

    public static Outcome accepted(String pairId, String imageId) {
        return new Outcome(Status.ACCEPTED, pairId, imageId, null, null);
    }

    public static Outcome duplicate(String pairId, String imageId) {
        return new Outcome(Status.DUPLICATE, pairId, imageId, "duplicate_pair", "exact pair already ingested");
    }

    public static Outcome rejected(String reason, String message) {
        return new Outcome(Status.REJECTED, null, null, reason, message);
    }

    public static Outcome skipped() {
        return new Outcome(Status.SKIPPED, null, null, "already_imported", "source record finished in an earlier run");
    }
}
