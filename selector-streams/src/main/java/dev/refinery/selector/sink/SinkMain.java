package dev.refinery.selector.sink;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.http.OpsServer;
import dev.refinery.runtime.lifecycle.TestHang;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The curated sink service; exits non-zero when it stopped on a failure so the orchestrator restarts it. */
public final class SinkMain {
    private static final Logger log = LoggerFactory.getLogger(SinkMain.class);

    /** Fault injection for the restart tests only: hang after shard N's tar is uploaded, before index and commit. */
    static final String HANG_AFTER_TAR = "REFINERY_SINK_TEST_HANG_AFTER_TAR";

    private SinkMain() {}

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        Map<String, Object> overrides = env.kafkaOverrideMap();
        SinkConfig config = SinkConfig.fromEnv(env);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        int hangAt = env.integer(HANG_AFTER_TAR, -1);
        CuratedSink.AfterTarUpload hook = n -> {
            if (n == hangAt) {
                TestHang.forever("after the tar of shard " + n);
            }
        };
        SinkService service = SinkService.start(PlatformConfig.fromEnv(env), config, overrides, metrics, hook);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "sink-shutdown"));
        int exit = 0;
        try (OpsServer ops = new OpsServer("0.0.0.0", config.httpPort(), metrics::scrape, () -> service.sink()
                .running())) {
            log.info("Curated sink for run {} on port {}", config.runId(), ops.port());
            service.await();
            if (service.sink().failure() != null) {
                exit = 1;
            }
        } finally {
            service.close();
        }
        System.exit(exit);
    }
}
