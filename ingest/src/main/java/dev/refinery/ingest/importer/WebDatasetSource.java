package dev.refinery.ingest.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.validate.RejectedInputException;
import dev.refinery.schemas.SourceKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a WebDataset tar shard as img2dataset writes it: consecutive entries sharing a key ({@code 000010001.jpg},
 * {@code .txt}, {@code .json}) form one sample. A sample without an image or a caption, or with an image over the size
 * limit, becomes an unparsable candidate so it still reaches the DLQ. Streams the tar; holds one sample in memory.
 */
public final class WebDatasetSource implements Iterator<Candidate>, AutoCloseable {
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "gif");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final TarArchiveInputStream tar;
    private final long maxImageBytes;
    private TarArchiveEntry pending;
    private Candidate next;

    public WebDatasetSource(Path file, long maxImageBytes) throws IOException {
        this.file = file;
        this.maxImageBytes = maxImageBytes;
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        this.tar = new TarArchiveInputStream(in);
        this.pending = nextFile();
    }

    @Override
    public boolean hasNext() {
        if (next == null && pending != null) {
            try {
                next = readSample();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read WebDataset shard " + file, e);
            }
        }
        return next != null;
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

    private Candidate readSample() throws IOException {
        String key = key(pending.getName());
        byte[] image = null;
        byte[] caption = null;
        String oversize = null;
        Map<String, String> metadata = new LinkedHashMap<>();
        String url = null;
        while (pending != null && key(pending.getName()).equals(key)) {
            String ext = extension(pending.getName());
            if (IMAGE_EXTENSIONS.contains(ext) && image == null) {
                if (pending.getSize() > maxImageBytes) {
                    oversize = pending.getName() + " is " + pending.getSize() + " bytes > " + maxImageBytes;
                } else {
                    image = tar.readAllBytes();
                }
            } else if (ext.equals("txt")) {
                caption = tar.readNBytes(1 << 20);
            } else if (ext.equals("json")) {
                JsonNode json = JSON.readTree(tar.readNBytes(1 << 20));
                url = flatten(json, metadata);
            }
            pending = nextFile();
        }
        String origin = file.getFileName() + "#" + key;
        String name = file.getFileName().toString();
        if (oversize != null) {
            return Candidate.unparsable(
                    null,
                    new RejectedInputException("image.too_large", oversize),
                    SourceKind.WEBDATASET,
                    name,
                    key,
                    origin);
        }
        if (image == null || caption == null) {
            String missing = image == null ? "an image (.jpg/.png/.webp/.gif)" : "a caption (.txt)";
            return Candidate.unparsable(
                    key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    new RejectedInputException("import.incomplete_sample", "sample " + key + " has no " + missing),
                    SourceKind.WEBDATASET,
                    name,
                    key,
                    origin);
        }
        URI imageUrl = parseUrl(url);
        return Candidate.of(image, imageUrl, caption, null, SourceKind.WEBDATASET, name, key, null, metadata, origin);
    }

    /** Top-level scalar fields of img2dataset's per-sample JSON go to metadata; returns its {@code url}. */
    private static String flatten(JsonNode json, Map<String, String> metadata) {
        if (json == null || !json.isObject()) {
            return null;
        }
        json.properties().forEach(e -> {
            if (e.getValue().isValueNode()
                    && !e.getValue().isNull()
                    && !e.getKey().equals("caption")) {
                metadata.put(e.getKey(), e.getValue().asText());
            }
        });
        return json.hasNonNull("url") ? json.get("url").asText() : null;
    }

    private static URI parseUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return null; // kept in metadata as text
        }
    }

    private TarArchiveEntry nextFile() throws IOException {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            if (e.isFile()) {
                return e;
            }
        }
        return null;
    }

    /** WebDataset key: the path up to the first dot of the file name ({@code dir/000010001.jpg} → {@code dir/000010001}). */
    static String key(String entryName) {
        int slash = entryName.lastIndexOf('/');
        int dot = entryName.indexOf('.', slash + 1);
        return dot < 0 ? entryName : entryName.substring(0, dot);
    }

    static String extension(String entryName) {
        int slash = entryName.lastIndexOf('/');
        int dot = entryName.indexOf('.', slash + 1);
        return dot < 0 ? "" : entryName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
