package dev.refinery.scorer;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.http.OpsServer;
import dev.refinery.runtime.worker.BeforeCommit;
import dev.refinery.scorer.config.ScorerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorer service: runs until SIGTERM (finishing or aborting the batch in progress) and exits non-zero when the
 * worker stopped on a failure, so the orchestrator restarts it.
 */
public final class ScorerMain {
    private static final Logger log = LoggerFactory.getLogger(ScorerMain.class);

    /**
     * Fault injection for the exactly-once tests only: {@code REFINERY_SCORER_TEST_HANG_BEFORE_COMMIT=N} makes the
     * worker hang forever after sending batch N and its offsets, before the commit, so a test can kill the process in
     * the middle of a transaction.
     */
    static final String HANG_BEFORE_COMMIT = "REFINERY_SCORER_TEST_HANG_BEFORE_COMMIT";

    private ScorerMain() {}

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        Map<String, Object> overrides = env.kafkaOverrideMap();
        ScorerConfig config = ScorerConfig.fromEnv(env);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        int hangAt = env.integer(HANG_BEFORE_COMMIT, -1);
        BeforeCommit hook = BeforeCommit.hangingAt(hangAt);
        int exit = 0;
        ScorerService service = ScorerService.start(PlatformConfig.fromEnv(env), config, overrides, metrics, hook);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "scorer-shutdown"));
        try (OpsServer ops = new OpsServer("0.0.0.0", config.httpPort(), metrics::scrape, () -> service.worker()
                .running())) {
            log.info("Scorer metrics on port {}", ops.port());
            service.await();
            if (service.worker().failure() != null) {
                log.error("Scorer worker failed: {}", service.worker().failure().toString());
                exit = 1;
            }
        } finally {
            service.close();
        }
        System.exit(exit);
    }
}
