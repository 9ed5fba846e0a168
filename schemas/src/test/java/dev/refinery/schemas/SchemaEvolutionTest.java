package dev.refinery.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

    @Test
    void shouldReadEveryReleasedSchemaWithTheCurrentOne() throws Exception {
        Map<String, Schema> released = SchemaFiles.parse(SchemaFiles.latestRelease());
        Map<String, Schema> current = SchemaFiles.parse(SchemaFiles.CURRENT);

        assertThat(current.keySet()).containsExactlyElementsOf(SchemaFiles.EVENTS);
        assertThat(released).isNotEmpty();
        for (var entry : released.entrySet()) {
            Schema reader = current.get(entry.getKey());
            assertThat(reader)
                    .as("released schema %s was removed", entry.getKey())
                    .isNotNull();
            var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, entry.getValue());
            assertThat(result.getType())
                    .as("%s is not BACKWARD compatible with release: %s", entry.getKey(), result.getResult())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void shouldDetectAnIncompatibleChangeWithTheSameChecker() throws Exception {
        Schema released = SchemaFiles.parse(SchemaFiles.latestRelease()).get("DeadLetter");
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : released.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(new Schema.Field("tenant", Schema.create(Schema.Type.STRING), "added without a default"));
        Schema changed = Schema.createRecord(released.getName(), released.getDoc(), released.getNamespace(), false);
        changed.setFields(fields);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(changed, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(result.getResult().getIncompatibilities())
                .anySatisfy(i -> assertThat(i.getMessage()).contains("tenant"));
    }

    @Test
    void shouldDocumentEveryRecordAndField() throws Exception {
        List<String> undocumented = new ArrayList<>();
        for (Schema schema : SchemaFiles.parse(SchemaFiles.CURRENT).values()) {
            collectUndocumented(schema, undocumented, new ArrayList<>());
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void shouldGenerateClassesFromTheCurrentSchemas() throws Exception {
        Map<String, Schema> current = SchemaFiles.parse(SchemaFiles.CURRENT);
        List<Schema> generated = List.of(
                RawPair.getClassSchema(),
                ScoredPair.getClassSchema(),
                Decision.getClassSchema(),
                CuratedPair.getClassSchema(),
                DeadLetter.getClassSchema(),
                ClusterSet.getClassSchema(),
                RunManifest.getClassSchema());
        for (Schema schema : generated) {
            // The generated classes add avro.java.string properties, which the canonical form leaves out.
            assertThat(SchemaNormalization.toParsingForm(schema))
                    .as(schema.getName())
                    .isEqualTo(SchemaNormalization.toParsingForm(current.get(schema.getName())));
        }
    }

    private static void collectUndocumented(Schema schema, List<String> out, List<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.contains(schema.getFullName())) {
                    return;
                }
                seen.add(schema.getFullName());
                if (isBlank(schema.getDoc())) {
                    out.add(schema.getFullName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (isBlank(field.doc())) {
                        out.add(schema.getFullName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), out, seen);
                }
            }
            case ENUM -> {
                if (isBlank(schema.getDoc())) {
                    out.add(schema.getFullName());
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, out, seen));
            case ARRAY -> collectUndocumented(schema.getElementType(), out, seen);
            case MAP -> collectUndocumented(schema.getValueType(), out, seen);
            default -> {}
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
