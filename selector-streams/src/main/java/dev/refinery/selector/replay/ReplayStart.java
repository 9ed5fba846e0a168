package dev.refinery.selector.replay;

import dev.refinery.schemas.RunManifest;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Where a replay starts reading each partition of its input. */
public sealed interface ReplayStart {
    /** The log start of every partition. */
    record Earliest() implements ReplayStart {}

    /** The first offset whose record timestamp is at or after {@code from} (Admin {@code listOffsets}). */
    record FromTimestamp(Instant from) implements ReplayStart {}

    /** The start offsets of another run's input ranges (partitions it did not read start at the log start). */
    record LikeRun(RunManifest run) implements ReplayStart {}

    /**
     * {@code earliest} or an ISO-8601 instant ({@code 2026-11-25T10:00:00Z}).
     *
     * @throws IllegalArgumentException for anything else
     */
    static ReplayStart parse(String from) {
        if (from == null || from.isBlank() || from.equals("earliest")) {
            return new Earliest();
        }
        try {
            return new FromTimestamp(Instant.parse(from));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--from must be 'earliest' or an ISO-8601 instant, got '" + from + "'", e);
        }
    }

    /** The start timestamp, when the replay starts from one. */
    default Instant fromTimestamp() {
        return this instanceof FromTimestamp f ? f.from() : null;
    }
}
