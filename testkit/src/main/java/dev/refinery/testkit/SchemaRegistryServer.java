package dev.refinery.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real schema registry: Apicurio Registry 2.4.2.Final (built by the {@code registry-server} module) with in-memory
 * storage, in a child JVM on a loopback port. Refinery uses only its Confluent-compatible API,
 * {@code /apis/ccompat/v7}.
 */
public final class SchemaRegistryServer implements AutoCloseable {
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private final ChildJvm process;
    private final URI url;

    private SchemaRegistryServer(ChildJvm process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the registry with its log at {@code dataDir/registry.log}. */
    public static SchemaRegistryServer start(Path dataDir, int port) {
        Path jar = ProjectHome.buildOutput("registry-server/target/quarkus-app/quarkus-run.jar");
        URI url = URI.create("http://127.0.0.1:" + port + CCOMPAT_PATH);
        List<String> jvmArgs = new ArrayList<>(List.of(
                "-Xmx512m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.banner.enabled=false",
                "-Dquarkus.log.level=WARN",
                // Apicurio's own %prod profile sets io.apicurio to INFO
                "-Dquarkus.log.category.\"io.apicurio\".level=WARN"));
        if (Runtime.version().feature() >= 24) {
            // Quarkus 2.16 uses sun.misc.Unsafe; JDK 24+ warns about it on every start without this
            jvmArgs.add("--sun-misc-unsafe-memory-access=allow");
        }
        ChildJvm jvm = ChildJvm.start(
                "schema-registry",
                jvmArgs,
                List.of("-jar", jar.toString()),
                dataDir.resolve("registry.log"),
                URI.create(url + "/subjects"),
                Duration.ofSeconds(120));
        return new SchemaRegistryServer(jvm, url);
    }

    /** Base URL of the Confluent-compatible API, for {@code schema.registry.url}. */
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        process.close();
    }
}
