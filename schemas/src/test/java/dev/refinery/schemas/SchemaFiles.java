package dev.refinery.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** Parses a folder of {@code .avsc} files in dependency order (named types before their users). */
final class SchemaFiles {
    /** Every event schema, in the order in which named types are defined before they are referenced. */
    static final List<String> EVENTS =
            List.of("RawPair", "ScoredPair", "Decision", "CuratedPair", "DeadLetter", "ClusterSet", "RunManifest");

    static final Path CURRENT = Path.of("src/main/avro");
    static final Path RELEASED = Path.of("released");

    private SchemaFiles() {}

    static Map<String, Schema> parse(Path folder) throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String name : EVENTS) {
            Path file = folder.resolve(name + ".avsc");
            if (Files.exists(file)) {
                schemas.put(name, parser.parse(Files.readString(file)));
            }
        }
        return schemas;
    }

    static Path latestRelease() throws IOException {
        try (var folders = Files.list(RELEASED)) {
            return folders.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .max((a, b) -> Integer.compare(
                            Integer.parseInt(a.getFileName().toString()),
                            Integer.parseInt(b.getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no released schema folder under " + RELEASED));
        }
    }
}
