package dev.refinery.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.cli.Refinery;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.s3.S3Config;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StackCommandIT {

    @Test
    void shouldStartTheLocalStackPrintItsAddressesAndStopCleanly(@TempDir Path dir) throws Exception {
        StringWriter upOut = new StringWriter();
        CompletableFuture<Integer> up = CompletableFuture.supplyAsync(() -> command(upOut)
                .execute("stack", "up", "--dir", dir.toString(), "--registry-port", "0", "--s3-port", "0"));
        StackFiles files = new StackFiles(dir.toAbsolutePath());
        await().atMost(Duration.ofMinutes(3)).until(() -> Files.exists(files.env()) || up.isDone());
        assertThat(up).isNotDone();

        Map<String, String> env = files.readEnv();
        assertThat(upOut.toString()).contains("Kafka bootstrap", env.get("REFINERY_KAFKA_BOOTSTRAP_SERVERS"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.get("REFINERY_KAFKA_BOOTSTRAP_SERVERS")))) {
            assertThat(admin.listTopics().names().get())
                    .contains("refinery.pairs.raw", "refinery.pairs.scored", "refinery.dlq", "refinery.runs");
            var clusters = new ConfigResource(ConfigResource.Type.TOPIC, "refinery.clusters");
            var config = admin.describeConfigs(List.of(clusters)).all().get().get(clusters);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of("refinery.pairs.raw"))
                            .allTopicNames()
                            .get()
                            .get("refinery.pairs.raw")
                            .partitions())
                    .hasSize(3);
        }
        var registry = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(env.get("REFINERY_SCHEMA_REGISTRY_URL") + "/subjects"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(registry.statusCode()).isEqualTo(200);
        try (ObjectStore store = ObjectStore.create(S3Config.local(
                URI.create(env.get("REFINERY_S3_ENDPOINT")),
                env.get("REFINERY_S3_BUCKET"),
                env.get("REFINERY_S3_ACCESS_KEY"),
                env.get("REFINERY_S3_SECRET_KEY")))) {
            store.put("hello.txt", new byte[] {1}, "text/plain");
            assertThat(store.exists("hello.txt")).isTrue();
        }
        StringWriter statusOut = new StringWriter();
        assertThat(command(statusOut).execute("stack", "status", "--dir", dir.toString()))
                .isZero();
        assertThat(statusOut.toString()).contains(env.get("REFINERY_S3_ENDPOINT"));

        StringWriter downOut = new StringWriter();
        assertThat(command(downOut).execute("stack", "down", "--dir", dir.toString()))
                .isZero();

        assertThat(up.get()).isZero();
        assertThat(downOut.toString()).contains("Stack stopped");
        assertThat(files.pid()).doesNotExist();
        assertThat(files.env()).doesNotExist();
        assertThat(command(new StringWriter()).execute("stack", "status", "--dir", dir.toString()))
                .isEqualTo(3);
    }

    private static CommandLine command(StringWriter out) {
        return new CommandLine(new Refinery()).setOut(new PrintWriter(out, true));
    }
}
