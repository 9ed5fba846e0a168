package dev.refinery.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refinery.ingest.config.IngestConfig;
import dev.refinery.rewriter.config.RewriterConfig;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.topic.TopicSpec;
import dev.refinery.scorer.config.ScorerConfig;
import dev.refinery.scorer.inference.GpuMode;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.sink.SinkConfig;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s (kustomize base and overlays), the Grafana dashboards and the alert rules agree with each other, with the
 * services' configuration code, with docs/configuration.md and with the topic catalogue. Nothing is applied to a
 * cluster: the overlays are rendered by {@link Kustomize}, and by {@code kubectl kustomize} where one is installed.
 */
class KubernetesManifestsTest {
    private static final Path ROOT = Path.of(System.getProperty("refinery.home", ".."));
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final List<Path> OVERLAYS = List.of(K8S.resolve("overlays/local"), K8S.resolve("overlays/gpu"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LAG_MONITOR_METRICS =
            Set.of("refinery_consumer_lag_records", "refinery_consumer_lag_seconds");
    private static final Set<String> PROMETHEUS_METRICS = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");
    private static final String JIB_ENTRYPOINT = "java -cp @/app/jib-classpath-file ";

    /**
     * A Refinery service: its workload kind, the module whose image it runs, its main class, and whether that is not
     * the image's own main class (then the manifest runs it through Jib's classpath file).
     */
    private record Workload(String name, String kind, String module, String mainClass, boolean otherMain) {}

    private static final List<Workload> WORKLOADS = List.of(
            new Workload("ingest", "Deployment", "ingest", "dev.refinery.ingest.IngestMain", false),
            new Workload("scorer-worker", "Deployment", "scorer-worker", "dev.refinery.scorer.ScorerMain", false),
            new Workload(
                    "rewriter-worker", "Deployment", "rewriter-worker", "dev.refinery.rewriter.RewriterMain", false),
            new Workload(
                    "selector-streams", "StatefulSet", "selector-streams", "dev.refinery.selector.SelectorMain", false),
            new Workload("curated-sink", "Deployment", "selector-streams", "dev.refinery.selector.sink.SinkMain", true),
            new Workload("lag-monitor", "Deployment", "cli", "dev.refinery.cli.Refinery", false));

    /** The consumer group (or Streams application id) of a service and the topics it reads, from its config code. */
    private record Consumes(String group, List<String> topics) {}

    @Test
    void shouldListEveryManifestAndPatchInItsKustomization() throws Exception {
        ObjectNode base = Kustomize.kustomization(BASE);
        assertThat(texts(base.path("resources")))
                .containsExactlyInAnyOrderElementsOf(yamlFilesIn(BASE))
                .allSatisfy(r -> assertThat(BASE.resolve(r)).isRegularFile());
        for (Path overlay : OVERLAYS) {
            ObjectNode k = Kustomize.kustomization(overlay);
            assertThat(texts(k.path("resources")))
                    .allSatisfy(r -> assertThat(overlay.resolve(r).resolve("kustomization.yaml"))
                            .as(overlay + " resource " + r)
                            .isRegularFile());
            List<String> patches = new ArrayList<>();
            k.path("patches").forEach(p -> patches.add(p.path("path").asText()));
            assertThat(patches).as(overlay.toString()).containsExactlyInAnyOrderElementsOf(yamlFilesIn(overlay));
        }
        for (Path dir : directories()) {
            assertThat(Kustomize.build(dir)).as(dir.toString()).isNotEmpty();
        }
    }

    @Test
    void shouldRenderWellFormedResourcesWithUniqueNames() throws Exception {
        for (Path dir : directories()) {
            Set<String> ids = new HashSet<>();
            for (ObjectNode o : Kustomize.build(dir)) {
                String id = Kustomize.kind(o) + "/" + Kustomize.name(o);
                assertThat(o.path("apiVersion").asText()).as(id).isNotBlank();
                assertThat(Kustomize.name(o)).as(id).matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
                assertThat(ids.add(id)).as(dir + " has " + id + " twice").isTrue();
            }
        }
    }

    @Test
    void shouldRunEveryServiceFromItsImageWithProbesAndResources() throws Exception {
        List<ObjectNode> resources = Kustomize.build(BASE);
        String version = projectVersion();
        assertThat(workloads(resources).stream().map(Kustomize::name))
                .containsExactlyInAnyOrderElementsOf(
                        WORKLOADS.stream().map(Workload::name).toList());
        for (Workload w : WORKLOADS) {
            ObjectNode workload = find(resources, w.kind(), w.name());
            JsonNode c = container(workload);
            assertThat(c.path("image").asText()).as(w.name()).isEqualTo("refinery/" + w.module() + ":" + version);
            assertThat(Class.forName(w.mainClass()).getMethod("main", String[].class))
                    .isNotNull();
            if (w.otherMain()) {
                assertThat(String.join(" ", texts(c.path("command"))))
                        .as(w.name() + " command")
                        .isEqualTo(JIB_ENTRYPOINT + w.mainClass());
            } else {
                assertThat(c.has("command"))
                        .as(w.name() + " keeps its image's entrypoint")
                        .isFalse();
            }
            assertThat(selects(
                            workload.at("/spec/selector/matchLabels"), workload.at("/spec/template/metadata/labels")))
                    .as(w.name() + " selector matches its pods")
                    .isTrue();
            int port = httpPort(c);
            assertThat(probe(c, "livenessProbe", "/health/live", port))
                    .as(w.name())
                    .isTrue();
            assertThat(probe(c, "readinessProbe", "/health/ready", port))
                    .as(w.name())
                    .isTrue();
            assertThat(probe(c, "startupProbe", "/health/live", port))
                    .as(w.name())
                    .isTrue();
            for (String field : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
                assertThat(c.at("/resources" + field).asText())
                        .as(w.name() + field)
                        .isNotBlank();
            }
            assertThat(texts(c.path("envFrom").findValues("name"))).as(w.name()).contains("refinery-config");
            assertThat(workload.at("/spec/template/spec/securityContext/runAsNonRoot")
                            .asBoolean())
                    .as(w.name())
                    .isTrue();
        }
    }

    @Test
    void shouldListenAndConsumeWhereTheServicesConfigurationSays() throws Exception {
        for (Path dir : directories()) {
            List<ObjectNode> resources = Kustomize.build(dir);
            for (Workload w : WORKLOADS) {
                JsonNode c = container(find(resources, w.kind(), w.name()));
                PodEnvironment env = PodEnvironment.of(c, resources);
                assertThat(env.problems()).as(dir + " " + w.name()).isEmpty();
                Env vars = Env.of(env.vars());
                PlatformConfig platform = PlatformConfig.fromEnv(vars);
                assertThat(platform.topics()).isEqualTo(TopicNames.withPrefix(TopicNames.DEFAULT_PREFIX));
                assertThat(httpPort(c)).as(dir + " " + w.name()).isEqualTo(configuredPort(w, c, vars));
            }
            JsonNode scorer = container(find(resources, "Deployment", "scorer-worker"));
            assertThat(PodEnvironment.of(scorer, resources).vars()).containsEntry("ORT_DISABLE_TELEMETRY", "1");
            ObjectNode selector = find(resources, "StatefulSet", "selector-streams");
            Env selectorEnv =
                    Env.of(PodEnvironment.of(container(selector), resources).vars());
            assertThat(SelectorConfig.fromEnv(selectorEnv).applicationId()).isEqualTo("refinery-selector-live");
            assertThat(SelectorConfig.fromEnv(selectorEnv).advertisedUrl())
                    .as("each pod advertises its own headless-service name and HTTP port")
                    .contains(java.net.URI.create("http://pod-0.selector-streams:" + httpPort(container(selector))));
            assertThat(mountPath(
                            container(selector),
                            selector.at("/spec/volumeClaimTemplates/0/metadata/name")
                                    .asText()))
                    .as(dir + ": the selector's state directory is its persistent volume")
                    .isEqualTo(SelectorConfig.fromEnv(selectorEnv).stateDir().toString());
        }
    }

    @Test
    void shouldUseOnlyDocumentedRefineryVariables() throws Exception {
        String docs = Files.readString(ROOT.resolve("docs/configuration.md"));
        Set<String> documented = new TreeSet<>();
        Matcher m =
                Pattern.compile("(?m)^\\|\\s*`(REFINERY_[A-Z0-9_]+)`\\s*\\|").matcher(docs);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).contains("REFINERY_KAFKA_BOOTSTRAP_SERVERS", "REFINERY_SCORER_GPU");
        for (Path dir : directories()) {
            List<ObjectNode> resources = Kustomize.build(dir);
            Set<String> used = new TreeSet<>();
            for (ObjectNode w : workloads(resources)) {
                used.addAll(PodEnvironment.of(container(w), resources).vars().keySet());
                container(w).path("env").forEach(e -> used.add(e.path("name").asText()));
            }
            assertThat(used).as(dir.toString()).isNotEmpty();
            assertThat(used.stream().filter(v -> v.startsWith("REFINERY_")))
                    .as(dir + ": REFINERY_* variables missing from docs/configuration.md")
                    .allSatisfy(v -> assertThat(documented).contains(v));
        }
        List<Path> texts = new ArrayList<>();
        try (Stream<Path> k8s = Files.walk(K8S)) {
            k8s.filter(Files::isRegularFile).forEach(texts::add);
        }
        for (String dir : List.of("deploy/grafana/dashboards", "deploy/prometheus")) {
            try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
                files.filter(Files::isRegularFile).forEach(texts::add);
            }
        }
        Pattern variable = Pattern.compile("\\bREFINERY_[A-Z0-9_]*[A-Z0-9]");
        for (Path file : texts) {
            Matcher mentioned = variable.matcher(Files.readString(file));
            while (mentioned.find()) {
                assertThat(documented)
                        .as(file + " mentions " + mentioned.group() + ", missing from docs/configuration.md")
                        .contains(mentioned.group());
            }
        }
    }

    @Test
    void shouldCreateTheCatalogueTopicsThroughStrimzi() throws Exception {
        List<ObjectNode> resources = Kustomize.build(BASE);
        List<ObjectNode> topics = ofKind(resources, "KafkaTopic");
        String bootstrap = find(resources, "ConfigMap", "refinery-config")
                .at("/data/REFINERY_KAFKA_BOOTSTRAP_SERVERS")
                .asText();
        assertThat(topics).isNotEmpty().allSatisfy(t -> {
            assertThat(t.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
            String cluster = t.at("/metadata/labels/strimzi.io~1cluster").asText();
            assertThat(bootstrap)
                    .as("bootstrap of Strimzi cluster " + cluster)
                    .startsWith(cluster + "-kafka-bootstrap:");
        });
        List<String> inManifests = topics.stream()
                .map(t -> t.at("/spec/topicName").asText() + " "
                        + t.at("/spec/partitions").asInt() + " "
                        + t.at("/spec/config/cleanup.policy").asText() + " "
                        + t.at("/spec/config/retention.ms").asText())
                .toList();
        List<String> inCode =
                TopicSpec.catalogue(TopicNames.withPrefix(TopicNames.DEFAULT_PREFIX), 3, (short) 1).stream()
                        .map(t -> t.name() + " " + t.partitions() + " " + (t.compacted() ? "compact" : "delete") + " "
                                + t.retentionMs())
                        .toList();
        assertThat(inManifests).containsExactlyElementsOf(inCode);
        for (Path dir : directories()) {
            assertThat(ofKind(Kustomize.build(dir), "KafkaTopic")).allSatisfy(t -> assertThat(
                            t.at("/spec/config/min.insync.replicas").asInt())
                    .as(dir + " " + Kustomize.name(t))
                    .isBetween(1, t.at("/spec/replicas").asInt()));
        }
    }

    @Test
    void shouldScaleWorkersWithKedaOnTheLagOfTheirOwnGroupAndTopics() throws Exception {
        for (Path dir : directories()) {
            List<ObjectNode> resources = Kustomize.build(dir);
            Map<String, Integer> partitions = new TreeMap<>();
            ofKind(resources, "KafkaTopic")
                    .forEach(t -> partitions.put(
                            t.at("/spec/topicName").asText(),
                            t.at("/spec/partitions").asInt()));
            List<ObjectNode> scaled = ofKind(resources, "ScaledObject");
            assertThat(scaled.stream()
                            .map(s -> s.at("/spec/scaleTargetRef/name").asText()))
                    .as("KEDA targets (selector-streams is a StatefulSet scaled by hand, ingest by replicas)")
                    .containsExactlyInAnyOrder("scorer-worker", "rewriter-worker", "curated-sink");
            for (ObjectNode s : scaled) {
                assertThat(s.path("apiVersion").asText()).isEqualTo("keda.sh/v1alpha1");
                assertThat(s.at("/spec/scaleTargetRef/kind").asText("Deployment"))
                        .isEqualTo("Deployment");
                String target = s.at("/spec/scaleTargetRef/name").asText();
                Workload w = workload(target);
                JsonNode c = container(find(resources, "Deployment", target));
                Env env = Env.of(PodEnvironment.of(c, resources).vars());
                Consumes consumes = consumes(w, env);
                List<String> triggered = new ArrayList<>();
                for (JsonNode trigger : s.at("/spec/triggers")) {
                    JsonNode meta = trigger.path("metadata");
                    assertThat(trigger.path("type").asText()).isEqualTo("kafka");
                    assertThat(meta.path("consumerGroup").asText()).as(target).isEqualTo(consumes.group());
                    assertThat(meta.path("bootstrapServers").asText())
                            .isEqualTo(PlatformConfig.fromEnv(env).bootstrapServers());
                    assertThat(Integer.parseInt(meta.path("lagThreshold").asText()))
                            .isPositive();
                    assertThat(meta.path("offsetResetPolicy").asText())
                            .as("workers start at earliest")
                            .isEqualTo("earliest");
                    triggered.add(meta.path("topic").asText());
                    assertThat(partitions)
                            .as(target + " trigger topic")
                            .containsKey(meta.path("topic").asText());
                    assertThat(s.at("/spec/maxReplicaCount").asInt())
                            .as(dir + " " + target + ": more replicas than partitions would idle")
                            .isBetween(
                                    s.at("/spec/minReplicaCount").asInt(),
                                    partitions.get(meta.path("topic").asText()));
                }
                assertThat(triggered)
                        .as(target + " one trigger per input topic")
                        .containsExactlyInAnyOrderElementsOf(consumes.topics());
            }
        }
    }

    @Test
    void shouldExposeAndScrapeEveryServiceThroughServicesAndServiceMonitors() throws Exception {
        List<ObjectNode> resources = Kustomize.build(BASE);
        List<ObjectNode> workloads = workloads(resources);
        Map<String, ObjectNode> serviceOwners = new LinkedHashMap<>();
        for (ObjectNode service : ofKind(resources, "Service")) {
            List<ObjectNode> selected = workloads.stream()
                    .filter(w -> selects(service.at("/spec/selector"), w.at("/spec/template/metadata/labels")))
                    .toList();
            assertThat(selected).as("Service " + Kustomize.name(service)).hasSize(1);
            JsonNode c = container(selected.get(0));
            service.at("/spec/ports").forEach(p -> assertThat(containerPort(c, p.path("targetPort")))
                    .as("Service " + Kustomize.name(service) + " port " + p)
                    .isPositive());
            serviceOwners.put(Kustomize.name(service), selected.get(0));
        }
        for (ObjectNode pdb : ofKind(resources, "PodDisruptionBudget")) {
            assertThat(workloads.stream()
                            .filter(w -> selects(
                                    pdb.at("/spec/selector/matchLabels"), w.at("/spec/template/metadata/labels"))))
                    .as("PodDisruptionBudget " + Kustomize.name(pdb))
                    .hasSize(1);
        }
        ObjectNode selector = find(resources, "StatefulSet", "selector-streams");
        ObjectNode headless =
                find(resources, "Service", selector.at("/spec/serviceName").asText());
        assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(serviceOwners.get(Kustomize.name(headless))).isSameAs(selector);

        Set<String> scraped = new TreeSet<>();
        for (ObjectNode monitor : ofKind(resources, "ServiceMonitor")) {
            List<ObjectNode> services = ofKind(resources, "Service").stream()
                    .filter(s -> selects(monitor.at("/spec/selector/matchLabels"), s.at("/metadata/labels")))
                    .toList();
            assertThat(services).as("ServiceMonitor " + Kustomize.name(monitor)).hasSize(1);
            ObjectNode service = services.get(0);
            for (JsonNode endpoint : monitor.at("/spec/endpoints")) {
                assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
                JsonNode port = stream(service.at("/spec/ports"))
                        .filter(p -> p.path("name")
                                .asText()
                                .equals(endpoint.path("port").asText()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(Kustomize.name(monitor) + " names a missing port"));
                ObjectNode owner = serviceOwners.get(Kustomize.name(service));
                assertThat(containerPort(container(owner), port.path("targetPort")))
                        .as("ServiceMonitor " + Kustomize.name(monitor) + " scrapes the metrics port")
                        .isEqualTo(httpPort(container(owner)));
                scraped.add(Kustomize.name(owner));
            }
        }
        assertThat(scraped)
                .containsExactlyInAnyOrderElementsOf(
                        WORKLOADS.stream().map(Workload::name).toList());
    }

    @Test
    void shouldRunTheLocalOverlayOnOneReplicaWithoutGpus() throws Exception {
        List<ObjectNode> resources = Kustomize.build(K8S.resolve("overlays/local"));
        for (ObjectNode w : workloads(resources)) {
            assertThat(w.at("/spec/replicas").asInt(1)).as(Kustomize.name(w)).isEqualTo(1);
            assertThat(JSON.writeValueAsString(w)).as(Kustomize.name(w)).doesNotContain("nvidia.com/gpu");
        }
        assertThat(ofKind(resources, "ScaledObject"))
                .allSatisfy(
                        s -> assertThat(s.at("/spec/maxReplicaCount").asInt()).isEqualTo(1));
        assertThat(ofKind(resources, "KafkaTopic"))
                .allSatisfy(t -> assertThat(t.at("/spec/replicas").asInt()).isEqualTo(1));
        assertThat(scorerGpu(resources)).isEqualTo(GpuMode.OFF);
        Map<String, String> scorerEnv = PodEnvironment.of(
                        container(find(resources, "Deployment", "scorer-worker")), resources)
                .vars();
        assertThat(scorerEnv).containsKeys("REFINERY_S3_ACCESS_KEY", "REFINERY_S3_SECRET_KEY");
    }

    @Test
    void shouldRequireTheGpuOnlyInTheGpuOverlay() throws Exception {
        List<ObjectNode> base = Kustomize.build(BASE);
        List<ObjectNode> gpu = Kustomize.build(K8S.resolve("overlays/gpu"));
        assertThat(scorerGpu(base)).isEqualTo(GpuMode.PREFERRED);
        assertThat(scorerGpu(gpu)).isEqualTo(GpuMode.REQUIRED);
        for (List<ObjectNode> resources : List.of(base, gpu)) {
            ObjectNode scorer = find(resources, "Deployment", "scorer-worker");
            assertThat(container(scorer).at("/resources/limits/nvidia.com~1gpu").asInt())
                    .isEqualTo(1);
            assertThat(scorer.at("/spec/template/spec/nodeSelector").isEmpty()).isFalse();
            assertThat(texts(scorer.at("/spec/template/spec/tolerations").findValues("key")))
                    .contains("nvidia.com/gpu");
        }
        assertThat(find(gpu, "ScaledObject", "scorer-worker")
                        .at("/spec/minReplicaCount")
                        .asInt())
                .isGreaterThan(find(base, "ScaledObject", "scorer-worker")
                        .at("/spec/minReplicaCount")
                        .asInt());
    }

    @Test
    void shouldShipTheGrafanaDashboardsAsIdenticalCopiesForTheSidecar() throws Exception {
        Path grafana = ROOT.resolve("deploy/grafana/dashboards");
        List<String> originals = filesIn(grafana, ".json");
        assertThat(filesIn(BASE.resolve("dashboards"), ".json")).containsExactlyInAnyOrderElementsOf(originals);
        for (String name : originals) {
            assertThat(Files.mismatch(
                            grafana.resolve(name), BASE.resolve("dashboards").resolve(name)))
                    .as(name + " differs from its copy in deploy/k8s/base/dashboards: copy it again")
                    .isEqualTo(-1L);
        }
        ObjectNode configMap = find(Kustomize.build(BASE), "ConfigMap", "refinery-dashboards");
        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        List<String> keys = new ArrayList<>();
        configMap.path("data").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(originals);
    }

    @Test
    void shouldShipTheAlertRulesAsAPrometheusRule() throws Exception {
        JsonNode alerts = Kustomize.YAML.readTree(
                ROOT.resolve("deploy/prometheus/alerts.yml").toFile());
        ObjectNode rule = find(Kustomize.build(BASE), "PrometheusRule", "refinery");
        assertThat(rule.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.at("/spec/groups"))
                .as("deploy/k8s/base/prometheus-rules.yaml carries the groups of deploy/prometheus/alerts.yml")
                .isEqualTo(alerts.path("groups"));
    }

    @Test
    void shouldQueryOnlyMetricsTheCodeExports() throws Exception {
        Set<String> known = new TreeSet<>(MicrometerNames.scan(ROOT));
        assertThat(known)
                .as("the scan finds the meters of the code")
                .contains(
                        "refinery_scorer_images_total", "refinery_scorer_inference_seconds_sum", "refinery_scorer_gpu");
        known.addAll(LAG_MONITOR_METRICS);
        known.addAll(PROMETHEUS_METRICS);

        Map<String, List<String>> expressions = new LinkedHashMap<>();
        Set<String> uids = new HashSet<>();
        for (String name : filesIn(ROOT.resolve("deploy/grafana/dashboards"), ".json")) {
            JsonNode dashboard = JSON.readTree(
                    ROOT.resolve("deploy/grafana/dashboards").resolve(name).toFile());
            assertThat(uids.add(dashboard.path("uid").asText()))
                    .as("unique uid of " + name)
                    .isTrue();
            List<String> exprs = new ArrayList<>(texts(dashboard.path("panels").findValues("expr")));
            assertThat(exprs).as(name).isNotEmpty();
            for (JsonNode variable : dashboard.at("/templating/list")) {
                JsonNode query = variable.path("query");
                exprs.add(query.isObject() ? query.path("query").asText() : query.asText());
            }
            expressions.put(name, exprs);
        }
        JsonNode alerts = Kustomize.YAML.readTree(
                ROOT.resolve("deploy/prometheus/alerts.yml").toFile());
        expressions.put("alerts.yml", texts(alerts.findValues("expr")));

        List<String> unknown = new ArrayList<>();
        expressions.forEach((file, exprs) -> exprs.forEach(expr -> PromQl.metricNames(expr).stream()
                .filter(metric -> !known.contains(metric))
                .forEach(metric -> unknown.add(file + ": " + metric + " in " + expr))));
        assertThat(unknown).as("metric names no code exports").isEmpty();
    }

    @Test
    void shouldRenderLikeKubectlKustomizeWhereKubectlIsInstalled() throws Exception {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        assumeThat(kubectl).as("kubectl on the PATH").isNotNull();
        for (Path dir : directories()) {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            for (String generated : hashedGeneratorNames(dir)) {
                output = output.replaceAll("\\b" + Pattern.quote(generated) + "-[a-z0-9]{10}\\b", generated);
            }
            Path rendered = Files.createTempFile("kustomize", ".yaml");
            try {
                Files.writeString(rendered, output);
                assertThat(byId(Kustomize.documents(rendered)))
                        .as(dir.toString())
                        .isEqualTo(byId(Kustomize.build(dir)));
            } finally {
                Files.delete(rendered);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<Path> directories() {
        List<Path> dirs = new ArrayList<>(List.of(BASE));
        dirs.addAll(OVERLAYS);
        return dirs;
    }

    private static int configuredPort(Workload w, JsonNode container, Env env) {
        return switch (w.name()) {
            case "ingest" -> IngestConfig.fromEnv(env).httpPort();
            case "scorer-worker" -> ScorerConfig.fromEnv(env).httpPort();
            case "rewriter-worker" -> RewriterConfig.fromEnv(env).httpPort();
            case "selector-streams" -> SelectorConfig.fromEnv(env).httpPort();
            case "curated-sink" -> SinkConfig.fromEnv(env).httpPort();
            case "lag-monitor" -> {
                List<String> args = texts(container.path("args"));
                yield Integer.parseInt(args.get(args.indexOf("--port") + 1));
            }
            default -> throw new IllegalArgumentException(w.name());
        };
    }

    private static Consumes consumes(Workload w, Env env) {
        TopicNames topics = TopicNames.fromEnv(env);
        return switch (w.name()) {
            case "scorer-worker" ->
                new Consumes(ScorerConfig.fromEnv(env).groupId(), List.of(topics.pairsRaw(), topics.pairsRewritten()));
            case "rewriter-worker" ->
                new Consumes(RewriterConfig.fromEnv(env).groupId(), List.of(topics.pairsRewrite()));
            case "curated-sink" -> new Consumes(SinkConfig.fromEnv(env).groupId(), List.of(topics.pairsCurated()));
            default -> throw new IllegalArgumentException(w.name() + " is not a KEDA-scaled consumer");
        };
    }

    private static GpuMode scorerGpu(List<ObjectNode> resources) {
        JsonNode c = container(find(resources, "Deployment", "scorer-worker"));
        return ScorerConfig.fromEnv(Env.of(PodEnvironment.of(c, resources).vars()))
                .gpu();
    }

    private static Workload workload(String name) {
        return WORKLOADS.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<ObjectNode> workloads(List<ObjectNode> resources) {
        return resources.stream()
                .filter(o -> Set.of("Deployment", "StatefulSet", "DaemonSet").contains(Kustomize.kind(o)))
                .toList();
    }

    private static JsonNode container(ObjectNode workload) {
        JsonNode containers = workload.at("/spec/template/spec/containers");
        assertThat(containers).as(Kustomize.name(workload) + " containers").hasSize(1);
        return containers.get(0);
    }

    /** The container port named {@code http}: the service's API, /metrics and /health/* port. */
    private static int httpPort(JsonNode container) {
        return containerPort(container, JSON.getNodeFactory().textNode("http"));
    }

    private static int containerPort(JsonNode container, JsonNode nameOrNumber) {
        return stream(container.path("ports"))
                .filter(p -> nameOrNumber.isNumber()
                        ? p.path("containerPort").asInt() == nameOrNumber.asInt()
                        : p.path("name").asText().equals(nameOrNumber.asText()))
                .mapToInt(p -> p.path("containerPort").asInt())
                .findFirst()
                .orElse(-1);
    }

    private static boolean probe(JsonNode container, String probe, String path, int port) {
        JsonNode get = container.path(probe).path("httpGet");
        return get.path("path").asText().equals(path) && containerPort(container, get.path("port")) == port;
    }

    private static String mountPath(JsonNode container, String volume) {
        return stream(container.path("volumeMounts"))
                .filter(m -> m.path("name").asText().equals(volume))
                .map(m -> m.path("mountPath").asText())
                .findFirst()
                .orElse("");
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (var e : selector.properties()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream()
                .filter(o -> Kustomize.kind(o).equals(kind) && Kustomize.name(o).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<ObjectNode> ofKind(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(o -> Kustomize.kind(o).equals(kind)).toList();
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> resources) {
        Map<String, JsonNode> byId = new TreeMap<>();
        resources.forEach(o -> byId.put(Kustomize.kind(o) + "/" + Kustomize.name(o), o));
        return byId;
    }

    private static Set<String> hashedGeneratorNames(Path dir) throws Exception {
        Set<String> names = new TreeSet<>();
        ObjectNode k = Kustomize.kustomization(dir);
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            k.path(field).forEach(g -> {
                if (!g.at("/options/disableNameSuffixHash").asBoolean(false)) {
                    names.add(g.path("name").asText());
                }
            });
        }
        for (String resource : texts(k.path("resources"))) {
            if (Files.isDirectory(dir.resolve(resource))) {
                names.addAll(hashedGeneratorNames(dir.resolve(resource).normalize()));
            }
        }
        return names;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> yamlFilesIn(Path dir) throws Exception {
        return filesIn(dir, ".yaml").stream()
                .filter(f -> !f.equals("kustomization.yaml"))
                .toList();
    }

    private static List<String> filesIn(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    private static String projectVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>refinery-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
