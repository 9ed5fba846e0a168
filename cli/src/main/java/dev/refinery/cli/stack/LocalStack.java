package dev.refinery.cli.stack;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.s3.S3Config;
import dev.refinery.runtime.topic.TopicAdmin;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.topic.TopicSpec;
import dev.refinery.testkit.EmbeddedInfra;
import dev.refinery.testkit.PortFinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: broker, registry and S3 on loopback with data under one folder, every Refinery topic created
 * and the bucket made. What {@code refinery stack up} runs and what the demo of later issues runs on.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final EmbeddedInfra infra;
    private final Map<String, String> environment;
    private final List<String> createdTopics;

    private LocalStack(EmbeddedInfra infra, Map<String, String> environment, List<String> createdTopics) {
        this.infra = infra;
        this.environment = environment;
        this.createdTopics = createdTopics;
    }

    /**
     * Starts the stack. Kafka's data starts fresh each time (the folder keeps the last run's until then); S3 objects
     * persist across restarts; the registry keeps schemas in memory and serdes register them again on first use.
     */
    public static LocalStack start(StackFiles files, int registryPort, int s3Port, int partitions, Env env)
            throws Exception {
        Files.createDirectories(files.dir());
        deleteRecursively(files.kafkaData());
        EmbeddedInfra infra = EmbeddedInfra.start(
                files.dir(), files.kafkaData(), portOrFree(registryPort, "registry"), portOrFree(s3Port, "s3"));
        try {
            TopicNames names = TopicNames.fromEnv(env);
            List<String> created;
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", infra.bootstrapServers()))) {
                created = TopicAdmin.ensure(admin, TopicSpec.catalogue(names, partitions, (short) 1));
            }
            String bucket = env.string("REFINERY_S3_BUCKET", "refinery");
            try (ObjectStore store = ObjectStore.create(
                    S3Config.local(infra.s3Endpoint(), bucket, infra.s3AccessKey(), infra.s3SecretKey()))) {
                store.ensureBucket();
            }
            Map<String, String> vars = new LinkedHashMap<>(infra.environment());
            vars.put("REFINERY_S3_BUCKET", bucket);
            vars.put(TopicNames.PREFIX, env.string(TopicNames.PREFIX, TopicNames.DEFAULT_PREFIX));
            return new LocalStack(infra, Map.copyOf(vars), created);
        } catch (Exception e) {
            infra.close();
            throw e;
        }
    }

    public EmbeddedInfra infra() {
        return infra;
    }

    /** The {@code REFINERY_*} variables that point a service at this stack. */
    public Map<String, String> environment() {
        return environment;
    }

    public List<String> createdTopics() {
        return createdTopics;
    }

    @Override
    public void close() {
        infra.close();
    }

    private static int portOrFree(int port, String what) {
        if (port == 0) {
            return PortFinder.freePort();
        }
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            return port;
        } catch (IOException busy) {
            int free = PortFinder.freePort();
            log.warn("Port {} for the {} is in use; using {} instead", port, what, free);
            return free;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
