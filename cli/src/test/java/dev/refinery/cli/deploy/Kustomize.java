package dev.refinery.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The subset of {@code kustomize build} that deploy/k8s uses, so tests can check the rendered overlays without a
 * kubectl: resources (files and directories), config map and secret generators, JSON 6902 patches selected by kind
 * and name, {@code replicas} and {@code namespace}. Anything else in a kustomization fails loudly, so a new feature is
 * added here (and checked) rather than silently ignored. Generated names keep no hash suffix.
 */
final class Kustomize {
    static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> KNOWN_FIELDS = Set.of(
            "apiVersion",
            "kind",
            "resources",
            "configMapGenerator",
            "secretGenerator",
            "patches",
            "replicas",
            "namespace");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Kustomize() {}

    /** Every document of a (multi-document) YAML file; empty documents are skipped. */
    static List<ObjectNode> documents(Path file) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (values.hasNextValue()) {
                JsonNode doc = values.nextValue();
                if (doc instanceof ObjectNode object) {
                    docs.add(object);
                } else if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    throw new IllegalStateException(file + " has a document that is not a mapping: " + doc);
                }
            }
        }
        return docs;
    }

    static ObjectNode kustomization(Path dir) throws IOException {
        List<ObjectNode> docs = documents(dir.resolve("kustomization.yaml"));
        if (docs.size() != 1) {
            throw new IllegalStateException(dir + "/kustomization.yaml must hold one document");
        }
        return docs.get(0);
    }

    /** The resources {@code kustomize build dir} would print, in declaration order. */
    static List<ObjectNode> build(Path dir) throws IOException {
        ObjectNode k = kustomization(dir);
        k.fieldNames().forEachRemaining(field -> {
            if (!KNOWN_FIELDS.contains(field)) {
                throw new IllegalStateException(dir + "/kustomization.yaml uses '" + field
                        + "', which the test's Kustomize helper does not render yet");
            }
        });
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path resource = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(resource)) {
                out.addAll(build(resource));
            } else {
                out.addAll(documents(resource));
            }
        }
        for (JsonNode gen : k.path("configMapGenerator")) {
            out.add(generated("ConfigMap", dir, gen));
        }
        for (JsonNode gen : k.path("secretGenerator")) {
            out.add(generated("Secret", dir, gen));
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, patch, out);
        }
        for (JsonNode r : k.path("replicas")) {
            List<ObjectNode> targets = out.stream()
                    .filter(o -> Set.of("Deployment", "StatefulSet").contains(kind(o)))
                    .filter(o -> name(o).equals(r.path("name").asText()))
                    .toList();
            if (targets.isEmpty()) {
                throw new IllegalStateException(
                        "replicas: no workload named " + r.path("name").asText());
            }
            targets.forEach(o -> ((ObjectNode) o.path("spec"))
                    .put("replicas", r.path("count").asInt()));
        }
        if (k.hasNonNull("namespace")) {
            out.forEach(o -> ((ObjectNode) o.path("metadata"))
                    .put("namespace", k.path("namespace").asText()));
        }
        return out;
    }

    static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    static String name(JsonNode o) {
        return o.at("/metadata/name").asText();
    }

    private static ObjectNode generated(String kind, Path dir, JsonNode gen) throws IOException {
        ObjectNode o = NODES.objectNode();
        o.put("apiVersion", "v1");
        o.put("kind", kind);
        ObjectNode metadata = o.putObject("metadata");
        metadata.put("name", gen.path("name").asText());
        JsonNode options = gen.path("options");
        if (options.has("labels")) {
            metadata.set("labels", options.get("labels").deepCopy());
        }
        if (options.has("annotations")) {
            metadata.set("annotations", options.get("annotations").deepCopy());
        }
        if (kind.equals("Secret")) {
            o.put("type", "Opaque");
        }
        ObjectNode data = o.putObject("data");
        for (JsonNode file : gen.path("files")) {
            Path path = dir.resolve(file.asText());
            put(kind, data, path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
        }
        for (JsonNode literal : gen.path("literals")) {
            String[] kv = literal.asText().split("=", 2);
            put(kind, data, kv[0], kv[1]);
        }
        return o;
    }

    private static void put(String kind, ObjectNode data, String key, String value) {
        data.put(
                key,
                kind.equals("Secret")
                        ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                        : value);
    }

    private static void applyPatch(Path dir, JsonNode patch, List<ObjectNode> resources) throws IOException {
        JsonNode ops = patch.has("path")
                ? YAML.readTree(dir.resolve(patch.path("path").asText()).toFile())
                : YAML.readTree(patch.path("patch").asText());
        if (!(ops instanceof ArrayNode array)) {
            throw new IllegalStateException(
                    "only JSON 6902 patches are rendered by the test's Kustomize helper: " + patch);
        }
        JsonNode target = patch.path("target");
        List<ObjectNode> matched = resources.stream()
                .filter(o -> kind(o).equals(target.path("kind").asText()))
                .filter(o -> !target.has("name")
                        || name(o).equals(target.path("name").asText()))
                .toList();
        if (matched.isEmpty()) {
            throw new IllegalStateException("patch matches no resource: " + patch);
        }
        for (ObjectNode o : matched) {
            JsonPatch.apply(o, array);
        }
    }
}
