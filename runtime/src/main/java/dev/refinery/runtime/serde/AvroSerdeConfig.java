package dev.refinery.runtime.serde;

import dev.refinery.runtime.registry.RegistryClientConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the Avro serdes, read from the Kafka client properties given to {@code configure}.
 *
 * @param registry the registry client settings ({@code schema.registry.*})
 * @param autoRegister register the record's schema on first use ({@code auto.register.schemas}, default true); when
 *     false the schema must already be registered under the subject
 * @param subjectNameStrategy {@code subject.name.strategy} (or {@code key.}/{@code value.subject.name.strategy}):
 *     topic (default), record or topic-record
 * @param targetType class to deserialize into ({@code refinery.avro.key.type} / {@code refinery.avro.value.type});
 *     empty means the generated class named by the writer schema
 */
public record AvroSerdeConfig(
        RegistryClientConfig registry,
        boolean autoRegister,
        SubjectNameStrategy subjectNameStrategy,
        Optional<String> targetType) {

    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String SUBJECT_NAME_STRATEGY = "subject.name.strategy";
    public static final String KEY_TYPE = "refinery.avro.key.type";
    public static final String VALUE_TYPE = "refinery.avro.value.type";

    public static AvroSerdeConfig fromMap(Map<String, ?> configs, boolean isKey) {
        Object auto = configs.get(AUTO_REGISTER);
        Object strategy = configs.get((isKey ? "key." : "value.") + SUBJECT_NAME_STRATEGY);
        if (strategy == null) {
            strategy = configs.get(SUBJECT_NAME_STRATEGY);
        }
        Object type = configs.get(isKey ? KEY_TYPE : VALUE_TYPE);
        return new AvroSerdeConfig(
                RegistryClientConfig.fromMap(configs),
                auto == null || Boolean.parseBoolean(auto.toString().trim()),
                strategy == null ? SubjectNameStrategy.TOPIC : SubjectNameStrategy.parse(strategy.toString()),
                Optional.ofNullable(type).map(Object::toString).filter(s -> !s.isBlank()));
    }
}
