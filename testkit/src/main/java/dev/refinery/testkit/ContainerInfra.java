package dev.refinery.testkit;

import java.net.URI;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same three servers as containers, for machines with a Docker engine: {@code apache/kafka},
 * {@code confluentinc/cp-schema-registry} and {@code minio/minio}. Opt-in ({@code -Drefinery.testkit=docker}); our
 * CI machines have no Docker engine and use {@link EmbeddedInfra}.
 */
public final class ContainerInfra implements Infra, AutoCloseable {
    private static final String MINIO_USER = "refinery";
    private static final String MINIO_PASSWORD = "refinery-secret";

    private final Network network;
    private final KafkaContainer kafka;
    private final GenericContainer<?> registry;
    private final GenericContainer<?> minio;

    private ContainerInfra(
            Network network, KafkaContainer kafka, GenericContainer<?> registry, GenericContainer<?> minio) {
        this.network = network;
        this.kafka = kafka;
        this.registry = registry;
        this.minio = minio;
    }

    public static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | NoClassDefFoundError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    public static ContainerInfra start() {
        Network network = Network.newNetwork();
        KafkaContainer kafka =
                new KafkaContainer("apache/kafka:4.1.0").withNetwork(network).withListener("kafka:19092");
        kafka.start();
        GenericContainer<?> registry = new GenericContainer<>("confluentinc/cp-schema-registry:7.9.0")
                .withNetwork(network)
                .withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
        GenericContainer<?> minio = new GenericContainer<>("minio/minio:RELEASE.2025-04-22T22-12-26Z")
                .withExposedPorts(9000)
                .withEnv("MINIO_ROOT_USER", MINIO_USER)
                .withEnv("MINIO_ROOT_PASSWORD", MINIO_PASSWORD)
                .withCommand("server", "/data")
                .waitingFor(Wait.forHttp("/minio/health/ready").forPort(9000));
        registry.start();
        minio.start();
        return new ContainerInfra(network, kafka, registry, minio);
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public URI schemaRegistryUrl() {
        return URI.create("http://" + registry.getHost() + ":" + registry.getMappedPort(8081));
    }

    @Override
    public URI s3Endpoint() {
        return URI.create("http://" + minio.getHost() + ":" + minio.getMappedPort(9000));
    }

    @Override
    public String s3AccessKey() {
        return MINIO_USER;
    }

    @Override
    public String s3SecretKey() {
        return MINIO_PASSWORD;
    }

    @Override
    public void close() {
        minio.stop();
        registry.stop();
        kafka.stop();
        network.close();
    }
}
