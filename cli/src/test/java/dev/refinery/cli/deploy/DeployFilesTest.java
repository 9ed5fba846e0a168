package dev.refinery.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.topic.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docker-compose.yml and deploy/ agree with the code and with each other. */
class DeployFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("refinery.home", ".."));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldCreateTheSameTopicsInDockerComposeAsTheCodeCatalogue() throws Exception {
        JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
        String script = compose.at("/services/kafka-topics/command/0").asText();
        Pattern create = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+) (\\w+) (-?\\d+)$");
        List<String> inCompose = new ArrayList<>();
        Matcher m = create.matcher(script);
        while (m.find()) {
            inCompose.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
        }

        List<String> inCode =
                TopicSpec.catalogue(TopicNames.withPrefix(TopicNames.DEFAULT_PREFIX), 3, (short) 1).stream()
                        .map(t -> t.name() + " " + t.partitions() + " " + (t.compacted() ? "compact" : "delete") + " "
                                + t.retentionMs())
                        .toList();
        assertThat(inCompose).containsExactlyElementsOf(inCode);
    }

    @Test
    void shouldMountOnlyDeployFilesThatExist() throws Exception {
        JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
        List<String> mounts = new ArrayList<>();
        compose.get("services").forEach(service -> service.path("volumes").forEach(v -> {
            String source = v.asText().split(":")[0];
            if (source.startsWith("./")) {
                mounts.add(source);
            }
        }));

        assertThat(mounts).isNotEmpty().allSatisfy(source -> assertThat(ROOT.resolve(source))
                .exists());
    }

    @Test
    void shouldProvisionValidDashboardsOnTheProvisionedDatasource() throws Exception {
        JsonNode datasources = YAML.readTree(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")
                .toFile());
        String uid = datasources.at("/datasources/0/uid").asText();
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
            dashboards = files.filter(p -> p.toString().endsWith(".json")).toList();
        }

        assertThat(dashboards).isNotEmpty();
        for (Path file : dashboards) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertThat(dashboard.path("uid").asText()).as(file.toString()).isNotBlank();
            assertThat(dashboard.path("panels")).as(file.toString()).isNotEmpty();
            dashboard.path("panels").forEach(panel -> assertThat(
                            panel.at("/datasource/uid").asText())
                    .as(file + " panel " + panel.path("title").asText())
                    .isEqualTo(uid));
        }
    }

    @Test
    void shouldLoadThePrometheusRuleFileItReferences() throws Exception {
        JsonNode prometheus =
                YAML.readTree(ROOT.resolve("deploy/prometheus/prometheus.yml").toFile());
        JsonNode alerts =
                YAML.readTree(ROOT.resolve("deploy/prometheus/alerts.yml").toFile());

        assertThat(prometheus.at("/rule_files/0").asText()).endsWith("alerts.yml");
        assertThat(alerts.at("/groups/0/rules")).isNotEmpty();
        alerts.at("/groups/0/rules").forEach(rule -> {
            assertThat(rule.path("alert").asText()).isNotBlank();
            assertThat(rule.path("expr").asText()).isNotBlank();
        });
    }
}
