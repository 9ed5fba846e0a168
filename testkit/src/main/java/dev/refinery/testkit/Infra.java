package dev.refinery.testkit;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Addresses of a running Kafka broker, schema registry and S3-compatible server. */
public interface Infra {
    String bootstrapServers();

    /** Base URL of the Confluent-compatible registry API. */
    URI schemaRegistryUrl();

    URI s3Endpoint();

    String s3AccessKey();

    String s3SecretKey();

    /** Kafka client properties for this infrastructure, including the registry URL for the serdes. */
    default Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers());
        props.put("schema.registry.url", schemaRegistryUrl().toString());
        return props;
    }

    /** The {@code REFINERY_*} environment a service needs to run against this infrastructure. */
    default Map<String, String> environment() {
        return Map.of(
                "REFINERY_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
                "REFINERY_SCHEMA_REGISTRY_URL", schemaRegistryUrl().toString(),
                "REFINERY_S3_ENDPOINT", s3Endpoint().toString(),
                "REFINERY_S3_ACCESS_KEY", s3AccessKey(),
                "REFINERY_S3_SECRET_KEY", s3SecretKey(),
                "REFINERY_S3_PATH_STYLE", "true");
    }
}
