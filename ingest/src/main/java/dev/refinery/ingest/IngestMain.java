package dev.refinery.ingest;

import dev.refinery.ingest.config.IngestConfig;
import dev.refinery.ingest.http.IngestHttpServer;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ingest service: crawler HTTP API on {@code REFINERY_INGEST_HTTP_PORT}; runs until SIGTERM. */
public final class IngestMain {
    private static final Logger log = LoggerFactory.getLogger(IngestMain.class);

    private IngestMain() {}

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        Map<String, Object> overrides = env.kafkaOverrideMap();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.countDown();
                            try {
                                stopped.await(30, TimeUnit.SECONDS); // let main close the producer and servers first
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "ingest-shutdown"));
        try (IngestService service = IngestService.start(
                        PlatformConfig.fromEnv(env), IngestConfig.fromEnv(env), overrides, metrics);
                IngestHttpServer http = service.serveHttp()) {
            log.info("Ingest HTTP API listening on port {}", http.port());
            stop.await();
            log.info("Stopping ingest");
        } finally {
            stopped.countDown();
        }
    }
}
