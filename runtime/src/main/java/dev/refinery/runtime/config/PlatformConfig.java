package dev.refinery.runtime.config;

import dev.refinery.runtime.s3.S3Config;
import dev.refinery.runtime.topic.TopicNames;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings every Refinery service shares: where Kafka, the schema registry and object storage are, and the topic
 * names. Built from {@code REFINERY_*} environment variables; documented in docs/configuration.md.
 */
public record PlatformConfig(String bootstrapServers, URI schemaRegistryUrl, TopicNames topics, S3Config s3) {

    public static final String BOOTSTRAP_SERVERS = "REFINERY_KAFKA_BOOTSTRAP_SERVERS";
    public static final String SCHEMA_REGISTRY_URL = "REFINERY_SCHEMA_REGISTRY_URL";

    public PlatformConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(BOOTSTRAP_SERVERS + " must not be empty");
        }
        if (schemaRegistryUrl == null || schemaRegistryUrl.getScheme() == null) {
            throw new IllegalArgumentException(SCHEMA_REGISTRY_URL + " must be an http(s) URL");
        }
    }

    public static PlatformConfig fromEnv(Env env) {
        return new PlatformConfig(
                env.string(BOOTSTRAP_SERVERS, "localhost:9092"),
                URI.create(env.string(SCHEMA_REGISTRY_URL, "http://localhost:8081")),
                TopicNames.fromEnv(env),
                S3Config.fromEnv(env));
    }

    /** Kafka client properties for the broker and the registry, before any stage-specific settings. */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("schema.registry.url", schemaRegistryUrl.toString());
        return props;
    }
}
