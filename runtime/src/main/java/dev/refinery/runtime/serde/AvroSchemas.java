package dev.refinery.runtime.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/** Schema helpers shared by the serdes. */
public final class AvroSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroSchemas() {}

    /**
     * The schema without the Java-only {@code avro.java.string} properties that generated classes carry, so the
     * registered schema is the same one the {@code .avsc} file declares and other languages read it plainly.
     */
    public static Schema withoutJavaProperties(Schema schema) {
        try {
            JsonNode tree = JSON.readTree(schema.toString());
            strip(tree);
            return new Schema.Parser().parse(JSON.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("avro.java.string");
        }
        node.forEach(AvroSchemas::strip);
    }
}
