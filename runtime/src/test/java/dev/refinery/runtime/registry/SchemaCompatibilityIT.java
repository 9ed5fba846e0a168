package dev.refinery.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.schemas.DeadLetter;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RefineryInfraExtension.class)
class SchemaCompatibilityIT {

    @Test
    void shouldRefuseAnIncompatibleChangeWithAClearError(Infra infra) {
        var client = client(infra);
        String subject = "compat-" + UUID.randomUUID() + "-value";
        Schema v1 = DeadLetter.getClassSchema();
        client.setCompatibility(subject, Compatibility.BACKWARD);
        int id1 = client.register(subject, v1);
        Schema breaking = withField(v1, new Schema.Field("tenant", Schema.create(Schema.Type.STRING), "no default"));

        assertThat(client.getCompatibility(subject)).isEqualTo(Compatibility.BACKWARD);
        assertThat(client.isCompatible(subject, breaking)).isFalse();
        assertThatThrownBy(() -> client.register(subject, breaking))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("HTTP 409")
                .hasMessageContaining(subject);
        assertThat(client.getLatest(subject).id()).isEqualTo(id1);
    }

    @Test
    void shouldAcceptACompatibleChangeAsANewVersion(Infra infra) {
        var client = client(infra);
        String subject = "compat-" + UUID.randomUUID() + "-value";
        Schema v1 = DeadLetter.getClassSchema();
        client.setCompatibility(subject, Compatibility.BACKWARD);
        int id1 = client.register(subject, v1);
        Schema v2 = withField(
                v1,
                new Schema.Field(
                        "tenant",
                        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                        "added with a default",
                        JsonProperties.NULL_VALUE));

        assertThat(client.isCompatible(subject, v2)).isTrue();
        int id2 = client.register(subject, v2);

        assertThat(id2).isNotEqualTo(id1);
        RegisteredSchema latest = client.getLatest(subject);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(id2);
        assertThat(client.getById(id2).getField("tenant")).isNotNull();
        assertThat(client.getVersion(subject, "1").id()).isEqualTo(id1);
        assertThat(client.lookup(subject, v2)).map(RegisteredSchema::version).contains(2);
        assertThat(client.subjects()).contains(subject);
    }

    @Test
    void shouldReturnTheSameIdWhenTheSameSchemaIsRegisteredAgain(Infra infra) {
        String subject = "again-" + UUID.randomUUID() + "-value";
        int first = client(infra).register(subject, DeadLetter.getClassSchema());
        // a fresh client has no cache: the registry itself must answer with the same id
        int second = client(infra).register(subject, DeadLetter.getClassSchema());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldGiveEveryClientTheSameIdWhenTheyRegisterANewSubjectConcurrently(Infra infra) throws Exception {
        String subject = "race-" + UUID.randomUUID() + "-value";
        List<java.util.concurrent.Future<Integer>> ids = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                // separate clients, as separate producer instances would have
                ids.add(pool.submit(() -> client(infra).register(subject, DeadLetter.getClassSchema())));
            }
        }
        List<Integer> values = new ArrayList<>();
        for (var id : ids) {
            values.add(id.get());
        }

        assertThat(values).hasSize(8).containsOnly(values.get(0));
    }

    private static SchemaRegistryClient client(Infra infra) {
        return new SchemaRegistryClient(
                RegistryClientConfig.of(infra.schemaRegistryUrl().toString()));
    }

    private static Schema withField(Schema base, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : base.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(extra);
        Schema changed = Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false);
        changed.setFields(fields);
        return changed;
    }
}
