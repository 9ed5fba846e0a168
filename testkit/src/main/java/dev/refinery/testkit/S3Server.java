package dev.refinery.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * A real S3-compatible server: S3Proxy 4.1.0 with its filesystem backend, in a child JVM on a loopback port, with AWS
 * signature auth (v2 or v4) and a WARN logging configuration (at DEBUG it writes gigabytes).
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "refinery";
    public static final String SECRET_KEY = "refinery-secret";

    private final ChildJvm process;
    private final URI endpoint;

    private S3Server(ChildJvm process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts S3Proxy with objects stored under {@code dataDir/blobs} and its log at {@code dataDir/s3proxy.log}. */
    public static S3Server start(Path dataDir, int port) {
        Path lib = ProjectHome.buildOutput("s3-server/target/lib");
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Path blobs = Files.createDirectories(dataDir.resolve("blobs"));
            Properties props = new Properties();
            props.setProperty("s3proxy.endpoint", endpoint.toString());
            props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            props.setProperty("s3proxy.identity", ACCESS_KEY);
            props.setProperty("s3proxy.credential", SECRET_KEY);
            props.setProperty("jclouds.provider", "filesystem-nio2");
            props.setProperty("jclouds.identity", ACCESS_KEY);
            props.setProperty("jclouds.credential", SECRET_KEY);
            props.setProperty("jclouds.filesystem.basedir", blobs.toString());
            Path propsFile = dataDir.resolve("s3proxy.properties");
            try (Writer w = Files.newBufferedWriter(propsFile)) {
                props.store(w, "written by Refinery's testkit");
            }
            Path logback = dataDir.resolve("s3proxy-logback.xml");
            Files.writeString(logback, """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
            ChildJvm jvm = ChildJvm.start(
                    "s3proxy",
                    List.of("-Xmx512m", "-Dlogback.configurationFile=" + logback),
                    List.of(
                            "-cp",
                            lib.toAbsolutePath() + "/*",
                            "org.gaul.s3proxy.Main",
                            "--properties",
                            propsFile.toString()),
                    dataDir.resolve("s3proxy.log"),
                    endpoint,
                    Duration.ofSeconds(60));
            return new S3Server(jvm, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    @Override
    public void close() {
        process.close();
    }
}
