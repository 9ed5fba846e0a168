package dev.refinery.rewriter;

import dev.refinery.rewriter.config.RewriterConfig;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.http.OpsServer;
import dev.refinery.runtime.worker.BeforeCommit;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rewriter service: runs until SIGTERM (finishing or aborting the batch in progress) and exits non-zero when the
 * worker stopped on a failure, so the orchestrator restarts it.
 */
public final class RewriterMain {
    private static final Logger log = LoggerFactory.getLogger(RewriterMain.class);

    /** Fault injection for the exactly-once tests only: hang before the commit of batch N (see BeforeCommit). */
    static final String HANG_BEFORE_COMMIT = "REFINERY_REWRITER_TEST_HANG_BEFORE_COMMIT";

    private RewriterMain() {}

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        Map<String, Object> overrides = env.kafkaOverrideMap();
        RewriterConfig config = RewriterConfig.fromEnv(env);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        BeforeCommit hook = BeforeCommit.hangingAt(env.integer(HANG_BEFORE_COMMIT, -1));
        int exit = 0;
        RewriterService service = RewriterService.start(PlatformConfig.fromEnv(env), config, overrides, metrics, hook);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "rewriter-shutdown"));
        try (OpsServer ops = new OpsServer("0.0.0.0", config.httpPort(), metrics::scrape, () -> service.worker()
                .running())) {
            log.info("Rewriter metrics on port {}", ops.port());
            service.await();
            if (service.worker().failure() != null) {
                log.error(
                        "Rewriter worker failed: {}", service.worker().failure().toString());
                exit = 1;
            }
        } finally {
            service.close();
        }
        System.exit(exit);
    }
}
