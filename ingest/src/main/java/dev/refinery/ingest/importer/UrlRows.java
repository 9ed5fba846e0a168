package dev.refinery.ingest.importer;

import dev.refinery.ingest.download.WebUrls;
import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.validate.RejectedInputException;
import dev.refinery.schemas.SourceKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns a metadata row (URL, caption, extra columns) of a URL list into a candidate to download. URLs are parsed the
 * way browsers accept them ({@link WebUrls}): spaces, non-ASCII paths and international domain names are common in
 * crawled metadata.
 */
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
            URI uri = WebUrls.parse(url);
            return Candidate.of(null, uri, null, caption, kind, fileName, key, null, extra, origin);
        } catch (RejectedInputException e) {
            return Candidate.unparsable(url.getBytes(StandardCharsets.UTF_8), e, kind, fileName, key, origin);
        }
    }
}
