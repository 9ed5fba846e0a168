package dev.refinery.ingest.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.validate.RejectedInputException;
import dev.refinery.schemas.SourceKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a JSON-lines URL list (LAION/DataComp style): one object per line with a URL and a caption column (names
 * configurable); other scalar fields become metadata. A line that is not a JSON object becomes an unparsable
 * candidate. Streams the file.
 */
public final class JsonlSource implements Iterator<Candidate>, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedReader reader;
    private final String urlColumn;
    private final String captionColumn;
    private long row;
    private Candidate next;

    public JsonlSource(Path file, String urlColumn, String captionColumn) throws IOException {
        this.file = file;
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        this.urlColumn = urlColumn;
        this.captionColumn = captionColumn;
    }

    @Override
    public boolean hasNext() {
        try {
            String line;
            while (next == null && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    next = parse(line, row++);
                }
            }
            return next != null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @Override
    public Candidate next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Candidate c = next;
        next = null;
        return c;
    }

    private Candidate parse(String line, long index) {
        String name = file.getFileName().toString();
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            return Candidate.unparsable(
                    line.getBytes(StandardCharsets.UTF_8),
                    new RejectedInputException("import.invalid_row", "line " + (index + 1) + " is not a JSON object"),
                    SourceKind.JSONL,
                    name,
                    Long.toString(index),
                    name + "#" + index);
        }
        Map<String, String> extra = new LinkedHashMap<>();
        n.properties().forEach(e -> {
            if (!e.getKey().equals(urlColumn)
                    && !e.getKey().equals(captionColumn)
                    && e.getValue().isValueNode()
                    && !e.getValue().isNull()) {
                extra.put(e.getKey(), e.getValue().asText());
            }
        });
        String url = n.hasNonNull(urlColumn) ? n.get(urlColumn).asText() : null;
        String caption = n.hasNonNull(captionColumn) ? n.get(captionColumn).asText() : null;
        return UrlRows.candidate(SourceKind.JSONL, name, index, url, caption, extra);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
