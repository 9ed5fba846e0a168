package dev.refinery.selector;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.http.OpsServer;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.run.RunManifests;
import dev.refinery.selector.status.QuotaStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selector service: publishes the run manifest, runs the topology, serves {@code /metrics}, health and the
 * interactive queries {@code /v1/quotas} (every instance) and {@code /v1/quotas/local}; exits non-zero when the Streams client fails so the orchestrator restarts it.
 */
public final class SelectorMain {
    private static final Logger log = LoggerFactory.getLogger(SelectorMain.class);

    private SelectorMain() {}

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        Map<String, Object> overrides = env.kafkaOverrideMap();
        PlatformConfig platform = PlatformConfig.fromEnv(env);
        SelectorConfig config = SelectorConfig.fromEnv(env);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SelectorService service = SelectorService.start(platform, config, overrides, metrics);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "selector-shutdown"));
        Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
        kafka.putAll(overrides);
        try (ObjectStore objects = ObjectStore.create(platform.s3())) {
            RunManifests.publish(
                    platform,
                    kafka,
                    config.runId(),
                    config.applicationId(),
                    service.selector().policy(),
                    objects);
        }
        QuotaStatus status = new QuotaStatus(
                service.streams(),
                service.selector(),
                config.runId(),
                config.shardsPerCluster(),
                config.advertisedUrl()
                        .map(u -> new HostInfo(u.getHost(), u.getPort()))
                        .orElse(null));
        int exit;
        try (OpsServer ops = new OpsServer("0.0.0.0", config.httpPort(), metrics::scrape, service::running)) {
            ops.json("/v1/quotas", status::json);
            ops.json("/v1/quotas/local", status::localJson);
            log.info("Selector status on port {} (/v1/quotas, /v1/quotas/local)", ops.port());
            while (service.streams().state().isRunningOrRebalancing()
                    || service.streams().state() == KafkaStreams.State.CREATED) {
                Thread.sleep(1000);
            }
            exit = service.streams().state() == KafkaStreams.State.ERROR ? 1 : 0;
        } finally {
            service.close();
        }
        System.exit(exit);
    }
}
