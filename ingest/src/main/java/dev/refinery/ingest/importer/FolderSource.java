package dev.refinery.ingest.importer;

import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.validate.RejectedInputException;
import dev.refinery.schemas.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A local folder of images with sidecar captions: {@code a/b/cat.jpg} with {@code a/b/cat.txt}. Walks the tree in
 * sorted order (so keys are stable); an image without its caption becomes an unparsable candidate.
 */
public final class FolderSource implements Iterator<Candidate> {
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "gif");

    private final Path root;
    private final long maxImageBytes;
    private final Iterator<Path> images;

    public FolderSource(Path root, long maxImageBytes) throws IOException {
        this.root = root;
        this.maxImageBytes = maxImageBytes;
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> list = files.filter(Files::isRegularFile)
                    .filter(p -> IMAGE_EXTENSIONS.contains(extension(p)))
                    .sorted()
                    .toList();
            this.images = list.iterator();
        }
    }

    @Override
    public boolean hasNext() {
        return images.hasNext();
    }

    @Override
    public Candidate next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Path image = images.next();
        String key = root.relativize(image).toString();
        String name = root.getFileName() == null
                ? root.toString()
                : root.getFileName().toString();
        String origin = root + "#" + key;
        String file = image.getFileName().toString();
        Path captionFile = image.resolveSibling(file.substring(0, file.lastIndexOf('.')) + ".txt");
        try {
            long size = Files.size(image);
            if (size > maxImageBytes) {
                return Candidate.unparsable(
                        key.getBytes(StandardCharsets.UTF_8),
                        new RejectedInputException(
                                "image.too_large", key + " is " + size + " bytes > " + maxImageBytes),
                        SourceKind.FOLDER,
                        name,
                        key,
                        origin);
            }
            if (!Files.exists(captionFile)) {
                return Candidate.unparsable(
                        key.getBytes(StandardCharsets.UTF_8),
                        new RejectedInputException(
                                "import.incomplete_sample", key + " has no caption file " + captionFile.getFileName()),
                        SourceKind.FOLDER,
                        name,
                        key,
                        origin);
            }
            return Candidate.of(
                    Files.readAllBytes(image),
                    null,
                    Files.readAllBytes(captionFile),
                    null,
                    SourceKind.FOLDER,
                    name,
                    key,
                    null,
                    Map.of(),
                    origin);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + image, e);
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
