package dev.refinery.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.ScoredPair;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class AvroSchemasTest {

    @Test
    void shouldRemoveJavaStringPropertiesAndKeepTheSchemaOtherwiseEqual() {
        var generated = ScoredPair.getClassSchema();
        assertThat(generated.toString()).contains("avro.java.string");

        var registered = AvroSchemas.withoutJavaProperties(generated);

        assertThat(registered.toString()).doesNotContain("avro.java.string");
        assertThat(SchemaNormalization.parsingFingerprint64(registered))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(generated));
        assertThat(registered.getField("pair").doc())
                .isEqualTo(generated.getField("pair").doc());
    }
}
