package dev.refinery.cli.monitor;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code refinery lag}: consumer lag per group, topic and partition, in records and seconds; with {@code --serve}, the
 * monitor service ({@code /metrics} for Prometheus, the status page at {@code /}).
 */
@Command(
        name = "lag",
        mixinStandardHelpOptions = true,
        description = "Print consumer lag (records and seconds) per group, topic and partition; --serve runs the lag"
                + " exporter and the status page. Settings: the platform's REFINERY_* variables (stack.env).")
public final class LagCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", description = "Consumer groups (default: all).")
    List<String> groups = List.of();

    @Option(names = "--serve", description = "Serve /metrics and the status page until Ctrl-C.")
    boolean serve;

    @Option(names = "--port", defaultValue = "8086", description = "Port with --serve (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--selector-url",
            defaultValue = "http://127.0.0.1:8084/v1/quotas",
            description = "The selector's quota endpoint, for the status page (default ${DEFAULT-VALUE}).")
    URI selectorUrl;

    @Override
    public Integer call() throws Exception {
        PlatformConfig platform = PlatformConfig.fromEnv(Env.system());
        Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
        if (serve) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            try (MonitorServer server =
                    new MonitorServer("0.0.0.0", port, kafka, platform.topics(), () -> quotas(http))) {
                System.out.println("Lag exporter on http://127.0.0.1:" + server.port() + "/metrics, status page on"
                        + " http://127.0.0.1:" + server.port() + "/ (Ctrl-C stops)");
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
            return 0;
        }
        try (LagProbe probe = new LagProbe(kafka, Clock.systemUTC())) {
            List<PartitionLag> lags = groups.isEmpty() ? probe.all() : probe.of(groups);
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %-36s %9s %12s %12s %8s %10s%n",
                    "GROUP",
                    "TOPIC",
                    "PARTITION",
                    "CURRENT",
                    "LOG-END",
                    "LAG",
                    "SECONDS");
            for (PartitionLag l : lags) {
                System.out.printf(
                        Locale.ROOT,
                        "%-40s %-36s %9d %12d %12d %8d %10.1f%n",
                        l.group(),
                        l.topic(),
                        l.partition(),
                        l.committed(),
                        l.logEndOffset(),
                        l.lag(),
                        l.lagSeconds());
            }
        }
        return 0;
    }

    private String quotas(HttpClient http) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(selectorUrl)
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (java.io.IOException e) {
            return null; // no selector reachable: the page says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
