package dev.refinery.cli.demo;

import dev.refinery.ingest.IngestService;
import dev.refinery.ingest.config.IngestConfig;
import dev.refinery.rewriter.RewriterService;
import dev.refinery.rewriter.config.RewriterConfig;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.lifecycle.Resources;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.scorer.ScorerService;
import dev.refinery.scorer.config.ScorerConfig;
import dev.refinery.selector.SelectorService;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.run.RunManifests;
import dev.refinery.selector.sink.SinkConfig;
import dev.refinery.selector.sink.SinkService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Every Refinery service of the demo, in this process, against the local stack: ingest (bulk), scorer (embedded
 * model, CPU), rewriter ({@code rules}), selector (default policy, 5 s wall-clock rewrite wait) and curated sink.
 * Closed in reverse order of start.
 */
record DemoServices(
        PlatformConfig platform,
        Map<String, Object> kafka,
        Map<String, String> environment,
        IngestService ingest,
        ScorerService scorer,
        RewriterService rewriter,
        SelectorService selector,
        SinkService sink,
        Resources resources)
        implements AutoCloseable {

    static DemoServices start(Map<String, String> stackEnv, Path dir, String runId, PrometheusMeterRegistry meters)
            throws Exception {
        Map<String, String> vars = new HashMap<>(stackEnv);
        vars.putAll(Map.of(
                "REFINERY_INGEST_HTTP_HOST", "127.0.0.1",
                "REFINERY_INGEST_HTTP_PORT", "0",
                "REFINERY_INGEST_INSTANCE_ID", "demo",
                "REFINERY_SCORER_GPU", "off",
                "REFINERY_SCORER_BATCH_MAX_DELAY_MS", "100",
                "REFINERY_SCORER_MODEL_CACHE", dir.resolve("models").toString(),
                "REFINERY_SCORER_LANGUAGES", "en,de,es,fr",
                "REFINERY_REWRITER_BATCH_MAX_DELAY_MS", "100",
                "REFINERY_RUN_ID", runId));
        vars.putAll(Map.of(
                "REFINERY_SELECTOR_REWRITE_WAIT_MS", "5000",
                "REFINERY_SELECTOR_REWRITE_WAIT_CLOCK", "wall",
                "REFINERY_SELECTOR_STATE_DIR", dir.resolve("streams").toString(),
                "REFINERY_SINK_SHARD_MAX_RECORDS", "500",
                "REFINERY_SINK_SHARD_MAX_AGE_MS", "3000",
                "REFINERY_SINK_SPOOL_DIR", dir.resolve("spool").toString()));
        Env env = Env.of(vars);
        PlatformConfig platform = PlatformConfig.fromEnv(env);
        Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
        Resources resources = new Resources();
        try {
            SinkService sink =
                    resources.add(SinkService.start(platform, SinkConfig.fromEnv(env), Map.of(), meters, null));
            SelectorConfig selectorConfig = SelectorConfig.fromEnv(env);
            SelectorService selector = resources.add(SelectorService.start(platform, selectorConfig, Map.of(), meters));
            try (ObjectStore objects = ObjectStore.create(platform.s3())) {
                RunManifests.publish(
                        platform,
                        kafka,
                        runId,
                        selectorConfig.applicationId(),
                        selector.selector().policy(),
                        objects);
            }
            RewriterService rewriter =
                    resources.add(RewriterService.start(platform, RewriterConfig.fromEnv(env), Map.of(), meters, null));
            ScorerService scorer =
                    resources.add(ScorerService.start(platform, ScorerConfig.fromEnv(env), Map.of(), meters, null));
            IngestService ingest =
                    resources.add(IngestService.start(platform, IngestConfig.fromEnv(env), Map.of(), meters));
            return new DemoServices(
                    platform, kafka, Map.copyOf(vars), ingest, scorer, rewriter, selector, sink, resources);
        } catch (Exception | Error e) {
            resources.close();
            throw e;
        }
    }

    @Override
    public void close() {
        resources.close();
    }
}
