package dev.refinery.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three real servers without Docker: Kafka in this JVM, registry and S3 in child JVMs, all on loopback. The
 * child JVMs start in parallel with the broker.
 */
public final class EmbeddedInfra implements Infra, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfra.class);

    private final KafkaBroker kafka;
    private final SchemaRegistryServer registry;
    private final S3Server s3;

    private EmbeddedInfra(KafkaBroker kafka, SchemaRegistryServer registry, S3Server s3) {
        this.kafka = kafka;
        this.registry = registry;
        this.s3 = s3;
    }

    /**
     * Starts everything.
     *
     * @param dataDir logs and data of the servers
     * @param kafkaDataDir the broker's data; null for a temporary folder deleted on close
     * @param registryPort port of the registry, 0 for any free port
     * @param s3Port port of the S3 server, 0 for any free port
     */
    public static EmbeddedInfra start(Path dataDir, Path kafkaDataDir, int registryPort, int s3Port) {
        long started = System.nanoTime();
        var registry = CompletableFuture.supplyAsync(
                () -> onFreePort(registryPort, p -> SchemaRegistryServer.start(dataDir, p)));
        var s3 = CompletableFuture.supplyAsync(() -> onFreePort(s3Port, p -> S3Server.start(dataDir, p)));
        KafkaBroker kafka = null;
        try {
            kafka = KafkaBroker.start(kafkaDataDir);
            EmbeddedInfra infra = new EmbeddedInfra(kafka, registry.join(), s3.join());
            log.info(
                    "Embedded infrastructure up in {} ms: kafka {}, registry {}, s3 {}",
                    (System.nanoTime() - started) / 1_000_000,
                    infra.bootstrapServers(),
                    infra.schemaRegistryUrl(),
                    infra.s3Endpoint());
            return infra;
        } catch (Exception e) {
            closeQuietly(kafka);
            registry.thenAccept(SchemaRegistryServer::close);
            s3.thenAccept(S3Server::close);
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot start the embedded infrastructure: " + cause.getMessage(), cause);
        }
    }

    /**
     * Starts a server on {@code port}, or on a free port when it is 0, trying up to three free ports: the broker
     * binds ephemeral ports at the same time, so a port found free can be taken before the child JVM binds it.
     */
    private static <T> T onFreePort(int port, java.util.function.IntFunction<T> start) {
        if (port != 0) {
            return start.apply(port);
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return start.apply(PortFinder.freePort());
            } catch (RuntimeException e) {
                last = e;
                log.warn("Server start failed (port taken?), trying another port: {}", e.getMessage());
            }
        }
        throw last;
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public URI schemaRegistryUrl() {
        return registry.url();
    }

    @Override
    public URI s3Endpoint() {
        return s3.endpoint();
    }

    @Override
    public String s3AccessKey() {
        return s3.accessKey();
    }

    @Override
    public String s3SecretKey() {
        return s3.secretKey();
    }

    @Override
    public void close() {
        closeQuietly(kafka);
        registry.close();
        s3.close();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("Error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
