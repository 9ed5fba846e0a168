package dev.refinery.ingest.importer;

import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.validate.RejectedInputException;
import dev.refinery.schemas.SourceKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turns a metadata row (URL, caption, extra columns) of a URL list into a candidate to download. */
final class UrlRows {
    private UrlRows() {}

    static Candidate candidate(
            SourceKind kind, String fileName, long rowIndex, String url, String caption, Map<String, String> extra) {
        String key = Long.toString(rowIndex);
        String origin = fileName + "#" + key;
        if (url == null || url.isBlank()) {
            return Candidate.unparsable(
                    ("row " + rowIndex).getBytes(StandardCharsets.UTF_8),
                    new RejectedInputException("import.missing_url", "row " + rowIndex + " has no URL"),
                    kind,
                    fileName,
                    key,
                    origin);
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an absolute URL with a host");
            }
            return Candidate.of(null, uri, null, caption, kind, fileName, key, null, extra, origin);
        } catch (URISyntaxException e) {
            return Candidate.unparsable(
                    url.getBytes(StandardCharsets.UTF_8),
                    new RejectedInputException("download.invalid_url", "row " + rowIndex + ": " + e.getMessage()),
                    kind,
                    fileName,
                    key,
                    origin);
        }
    }
}
