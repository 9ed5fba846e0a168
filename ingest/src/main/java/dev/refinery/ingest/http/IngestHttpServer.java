package dev.refinery.ingest.http;

import com.sun.net.httpserver.HttpServer;
import dev.refinery.ingest.pipeline.IngestPipeline;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The crawler-facing HTTP API on the JDK's HTTP server with one virtual thread per request: {@code POST /v1/pairs},
 * {@code GET /health/live}, {@code GET /health/ready} (dedup state restored, publisher healthy) and
 * {@code GET /metrics} (Prometheus).
 */
public final class IngestHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public IngestHttpServer(
            String host,
            int port,
            IngestPipeline pipeline,
            long maxRequestBytes,
            long maxInFlightBytes,
            Optional<String> token,
            PrometheusMeterRegistry metrics,
            BooleanSupplier ready)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 256);
        server.setExecutor(executor);
        server.createContext(
                "/v1/pairs", new PairsHandler(pipeline, new InFlightLimiter(maxInFlightBytes), maxRequestBytes, token));
        server.createContext("/health/live", ex -> {
            try (ex) {
                Responses.text(ex, 200, "text/plain", "live\n");
            }
        });
        server.createContext("/health/ready", ex -> {
            try (ex) {
                boolean ok = ready.getAsBoolean();
                Responses.text(ex, ok ? 200 : 503, "text/plain", ok ? "ready\n" : "not ready\n");
            }
        });
        server.createContext("/metrics", ex -> {
            try (ex) {
                Responses.text(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(2);
        executor.close();
    }
}
