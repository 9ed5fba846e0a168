package dev.refinery.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.serde.AvroSerdeConfig;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.topic.TopicSpec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/configuration.md and docs/topics.md list what the code reads and creates. */
class ConfigurationDocsTest {
    private static final Path ROOT = Path.of(System.getProperty("refinery.home", ".."));

    @Test
    void shouldDocumentEveryEnvironmentVariableTheCodeReads() throws Exception {
        String docs = Files.readString(ROOT.resolve("docs/configuration.md"));
        Pattern variable = Pattern.compile("\"(REFINERY_[A-Z0-9_]+)\"");
        TreeSet<String> inCode = new TreeSet<>();
        for (String module : List.of(
                "runtime", "testkit", "ingest", "scorer-worker", "rewriter-worker", "selector-streams", "cli")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = variable.matcher(Files.readString(file));
                    while (m.find()) {
                        inCode.add(m.group(1));
                    }
                }
            }
        }

        assertThat(inCode).contains("REFINERY_KAFKA_BOOTSTRAP_SERVERS", "REFINERY_S3_BUCKET");
        assertThat(inCode).allSatisfy(key -> assertThat(docs).contains("`" + key + "`"));
    }

    @Test
    void shouldDocumentEverySerdeProperty() throws Exception {
        String docs = Files.readString(ROOT.resolve("docs/configuration.md"));
        List<String> keys = new ArrayList<>();
        for (Class<?> type : List.of(RegistryClientConfig.class, AvroSerdeConfig.class)) {
            for (Field f : type.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    keys.add((String) f.get(null));
                }
            }
        }

        assertThat(keys).hasSizeGreaterThan(8).allSatisfy(key -> assertThat(docs)
                .contains("`" + key + "`"));
    }

    @Test
    void shouldListEveryTopicOfTheCatalogue() throws Exception {
        String docs = Files.readString(ROOT.resolve("docs/topics.md"));

        assertThat(TopicSpec.catalogue(TopicNames.withPrefix(TopicNames.DEFAULT_PREFIX), 3, (short) 1))
                .allSatisfy(spec -> assertThat(docs).contains("| `" + spec.name() + "` |"));
    }
}
