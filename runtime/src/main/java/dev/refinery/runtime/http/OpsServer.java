package dev.refinery.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The operations endpoints every Refinery service exposes: {@code /metrics} (Prometheus text), {@code /health/live}
 * and {@code /health/ready}, on the JDK's HTTP server.
 */
public final class OpsServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public OpsServer(String host, int port, Supplier<String> metrics, BooleanSupplier ready) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.setExecutor(executor);
        server.createContext(
                "/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        server.createContext("/health/live", ex -> send(ex, 200, "text/plain", "live\n"));
        server.createContext("/health/ready", ex -> {
            boolean ok = ready.getAsBoolean();
            send(ex, ok ? 200 : 503, "text/plain", ok ? "ready\n" : "not ready\n");
        });
        server.start();
    }

    /** Serves {@code body} as JSON at {@code path} (GET), e.g. a service's status or interactive queries. */
    public OpsServer json(String path, Supplier<String> body) {
        return route(path, "application/json; charset=utf-8", body);
    }

    /** Serves {@code body} with {@code contentType} at {@code path}; 503 with the error class when it throws. */
    public OpsServer route(String path, String contentType, Supplier<String> body) {
        server.createContext(path, ex -> {
            String text;
            try {
                text = body.get();
            } catch (RuntimeException e) {
                send(ex, 503, "text/plain; charset=utf-8", e.getClass().getSimpleName() + ": " + e.getMessage() + "\n");
                return;
            }
            send(ex, 200, contentType, text);
        });
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }
}
