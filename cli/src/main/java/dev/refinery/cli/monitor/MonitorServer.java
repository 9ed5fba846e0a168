package dev.refinery.cli.monitor;

import dev.refinery.runtime.http.OpsServer;
import dev.refinery.runtime.topic.TopicNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The monitor: {@code /metrics} (consumer lag in records and seconds for Prometheus), {@code /} (the built-in status
 * page for machines without Grafana), {@code /api/status} (its data) and health endpoints.
 */
public final class MonitorServer implements AutoCloseable {
    private final LagProbe probe;
    private final MonitorStatus status;
    private final OpsServer server;

    public MonitorServer(String host, int port, Map<String, Object> kafka, TopicNames topics, Supplier<String> quotas)
            throws IOException {
        this.probe = new LagProbe(kafka, Clock.systemUTC());
        this.status = new MonitorStatus(new LagProbe(kafka, Clock.systemUTC()), kafka, topics, quotas);
        String page = page();
        this.server = new OpsServer(host, port, this::metrics, () -> true)
                .json("/api/status", this::statusJson)
                .route("/", "text/html; charset=utf-8", () -> page);
    }

    public int port() {
        return server.port();
    }

    private String metrics() {
        try {
            return LagMetrics.exposition(probe.all());
        } catch (Exception e) {
            throw new IllegalStateException("lag probe failed: " + e, e);
        }
    }

    private String statusJson() {
        try {
            return status.json();
        } catch (Exception e) {
            throw new IllegalStateException("status failed: " + e, e);
        }
    }

    private static String page() {
        try (InputStream in = MonitorServer.class.getResourceAsStream("/dev/refinery/cli/monitor/status.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        status.close();
        probe.close();
    }
}
