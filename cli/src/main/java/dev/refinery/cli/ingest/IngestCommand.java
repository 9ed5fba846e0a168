package dev.refinery.cli.ingest;

import dev.refinery.ingest.IngestService;
import dev.refinery.ingest.http.IngestHttpServer;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code refinery ingest}: the crawler HTTP API. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Serve the crawler HTTP API (POST /v1/pairs) until Ctrl-C. Settings: REFINERY_INGEST_*.")
public final class IngestCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default: REFINERY_INGEST_HTTP_PORT or 8080).")
    Integer port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Map<String, String> extra = port == null ? Map.of() : Map.of("REFINERY_INGEST_HTTP_PORT", port.toString());
        try (IngestService service = IngestEnv.start(extra);
                IngestHttpServer http = service.serveHttp()) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Ingest API on http://%s:%d/v1/pairs (metrics on /metrics)%n",
                            service.config().httpHost(), http.port());
            spec.commandLine().getOut().flush();
            stop.await();
        } finally {
            stopped.countDown();
        }
        return 0;
    }
}
