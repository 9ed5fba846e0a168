package dev.refinery.selector.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes one WebDataset shard to a spool file: for each sample {@code <key>.<ext>} (the image with its real
 * extension), {@code <key>.txt} and {@code <key>.json}, in that order, POSIX tar; and builds the shard's index (each
 * sample's members with their header offsets and sizes, so a reader can seek to one sample).
 */
final class ShardWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final TarArchiveOutputStream tar;
    private final ArrayNode samples = JSON.createArrayNode();
    private final long createdAt = System.nanoTime();
    private int count;

    ShardWriter(Path spoolDir) throws IOException {
        Files.createDirectories(spoolDir);
        this.file = Files.createTempFile(spoolDir, "shard-", ".tar");
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** Appends a sample; {@code offset} is its Kafka offset, recorded in the index. */
    void add(String key, long offset, String imageExtension, byte[] image, String caption, byte[] json)
            throws IOException {
        ObjectNode sample = samples.addObject().put("key", key).put("offset", offset);
        ArrayNode members = sample.putArray("members");
        member(members, key + "." + imageExtension, image);
        member(members, key + ".txt", caption.getBytes(StandardCharsets.UTF_8));
        member(members, key + ".json", json);
        count++;
    }

    private void member(ArrayNode members, String name, byte[] bytes) throws IOException {
        long headerAt = tar.getBytesWritten();
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setModTime(0); // deterministic bytes: a retry writes an identical shard
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
        members.addObject().put("name", name).put("header_offset", headerAt).put("size", bytes.length);
    }

    int count() {
        return count;
    }

    long bytes() {
        return tar.getBytesWritten();
    }

    long ageNanos() {
        return System.nanoTime() - createdAt;
    }

    /** Finishes the tar (end-of-archive blocks) and returns the spool file. */
    Path finish() throws IOException {
        tar.finish();
        tar.close();
        return file;
    }

    /** The index document of the finished shard. */
    byte[] index(String runId, String tarKey, int partition, long start, long end) throws IOException {
        ObjectNode doc = JSON.createObjectNode()
                .put("format", "refinery-webdataset-index/1")
                .put("run_id", runId)
                .put("shard", tarKey)
                .put("partition", partition)
                .put("start_offset", start)
                .put("end_offset", end)
                .put("samples_count", count)
                .put("tar_bytes", Files.size(file));
        doc.set("samples", samples);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    @Override
    public void close() throws IOException {
        try {
            tar.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
