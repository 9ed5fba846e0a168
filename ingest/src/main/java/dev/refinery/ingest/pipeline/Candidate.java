package dev.refinery.ingest.pipeline;

import dev.refinery.ingest.validate.RejectedInputException;
import dev.refinery.schemas.SourceKind;
import java.net.URI;
import java.util.Map;

/**
 * One input before validation: image bytes or an image URL to download, and the caption as raw UTF-8 bytes (from
 * files) or a string (from JSON).
 *
 * @param imageBytes the image, or null when {@code imageUrl} is to be downloaded
 * @param imageUrl where the image was or is to be downloaded from; may be null for uploaded bytes
 * @param captionBytes caption as read from a file, or null
 * @param caption caption as parsed from JSON, used when {@code captionBytes} is null
 * @param kind ingest path
 * @param sourceName crawler id, shard or file name
 * @param recordKey key of the record in its source (WebDataset key, row number, file path), or null
 * @param pageUrl page that embedded the image, or null
 * @param metadata free-form metadata (page title, surrounding text, license)
 * @param origin where the input came from, for the DLQ record: {@code http:<client>} or {@code <file>#<key>}
 * @param parseError set when the input could not even be parsed into a pair (bad JSON line, incomplete sample)
 * @param rawInput the unparsable input, kept for the DLQ record, when {@code parseError} is set
 */
public record Candidate(
        byte[] imageBytes,
        URI imageUrl,
        byte[] captionBytes,
        String caption,
        SourceKind kind,
        String sourceName,
        String recordKey,
        String pageUrl,
        Map<String, String> metadata,
        String origin,
        RejectedInputException parseError,
        byte[] rawInput) {

    public Candidate {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (imageBytes == null && imageUrl == null && parseError == null) {
            throw new IllegalArgumentException("a candidate needs image bytes or an image URL");
        }
    }

    /** A well-formed input. */
    public static Candidate of(
            byte[] imageBytes,
            URI imageUrl,
            byte[] captionBytes,
            String caption,
            SourceKind kind,
            String sourceName,
            String recordKey,
            String pageUrl,
            Map<String, String> metadata,
            String origin) {
        return new Candidate(
                imageBytes,
                imageUrl,
                captionBytes,
                caption,
                kind,
                sourceName,
                recordKey,
                pageUrl,
                metadata,
                origin,
                null,
                null);
    }

    /** An input that could not be parsed; it ends rejected with {@code error}'s reason and its raw bytes in the DLQ. */
    public static Candidate unparsable(
            byte[] raw,
            RejectedInputException error,
            SourceKind kind,
            String sourceName,
            String recordKey,
            String origin) {
        return new Candidate(null, null, null, null, kind, sourceName, recordKey, null, Map.of(), origin, error, raw);
    }

    /** Whether the image still has to be downloaded. */
    public boolean needsDownload() {
        return imageBytes == null && parseError == null;
    }
}
