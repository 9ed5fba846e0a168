package dev.refinery.cli.ingest;

import dev.refinery.ingest.IngestService;
import dev.refinery.ingest.config.IngestConfig;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** Starts ingest from the environment ({@code REFINERY_*}, {@code KAFKA_*}), as every ingest command does. */
final class IngestEnv {
    private IngestEnv() {}

    static IngestService start(Map<String, String> extra) throws InterruptedException, TimeoutException {
        Map<String, String> vars = new HashMap<>(System.getenv());
        vars.putAll(extra);
        Env env = Env.of(vars);
        Map<String, Object> overrides = env.kafkaOverrideMap();
        return IngestService.start(
                PlatformConfig.fromEnv(env),
                IngestConfig.fromEnv(env),
                overrides,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
}
