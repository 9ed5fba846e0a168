package dev.refinery.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a container would get from rendered resources: {@code envFrom} config maps and secrets, literal
 * values, {@code configMapKeyRef}/{@code secretKeyRef} (an optional reference to a missing object or key leaves the
 * variable unset, as Kubernetes does) and {@code fieldRef} (a stand-in pod name). A required reference that does not
 * resolve is reported in {@link #problems()}. Literal values expand {@code $(VAR)} from the variables defined before
 * them ({@code $$} escapes; an unknown reference stays as written), as Kubernetes does.
 */
final class PodEnvironment {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final Map<String, String> vars = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private PodEnvironment() {}

    static PodEnvironment of(JsonNode container, List<ObjectNode> resources) {
        PodEnvironment env = new PodEnvironment();
        for (JsonNode from : container.path("envFrom")) {
            String kind = from.has("configMapRef") ? "ConfigMap" : "Secret";
            JsonNode ref = from.has("configMapRef") ? from.get("configMapRef") : from.get("secretRef");
            Optional<ObjectNode> source = find(resources, kind, ref.path("name").asText());
            if (source.isEmpty()) {
                env.require(ref, kind + " " + ref.path("name").asText());
                continue;
            }
            source.get().path("data").properties().forEach(e -> env.vars.put(e.getKey(), decode(kind, e.getValue())));
        }
        for (JsonNode var : container.path("env")) {
            String name = var.path("name").asText();
            if (var.has("value")) {
                env.vars.put(name, env.expand(var.path("value").asText()));
            } else if (var.at("/valueFrom/fieldRef").isObject()) {
                env.vars.put(name, "pod-0");
            } else {
                boolean map = var.at("/valueFrom/configMapKeyRef").isObject();
                JsonNode ref = var.at(map ? "/valueFrom/configMapKeyRef" : "/valueFrom/secretKeyRef");
                String kind = map ? "ConfigMap" : "Secret";
                JsonNode value = find(resources, kind, ref.path("name").asText())
                        .map(o -> o.at("/data/" + ref.path("key").asText()))
                        .orElse(null);
                if (value == null || value.isMissingNode()) {
                    env.require(
                            ref, name + " from " + kind + " " + ref.path("name").asText() + " key " + ref.path("key"));
                } else {
                    env.vars.put(name, decode(kind, value));
                }
            }
        }
        return env;
    }

    private String expand(String value) {
        StringBuilder out = new StringBuilder();
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            String replacement = m.group().equals("$$") ? "$" : vars.getOrDefault(m.group(1), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    Map<String, String> vars() {
        return vars;
    }

    List<String> problems() {
        return problems;
    }

    private void require(JsonNode ref, String what) {
        if (!ref.path("optional").asBoolean(false)) {
            problems.add("required reference does not resolve: " + what);
        }
    }

    private static Optional<ObjectNode> find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream()
                .filter(o -> Kustomize.kind(o).equals(kind) && Kustomize.name(o).equals(name))
                .findFirst();
    }

    private static String decode(String kind, JsonNode value) {
        return kind.equals("Secret")
                ? new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8)
                : value.asText();
    }
}
