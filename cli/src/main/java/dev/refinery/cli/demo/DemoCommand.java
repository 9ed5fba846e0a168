package dev.refinery.cli.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.refinery.cli.monitor.MonitorServer;
import dev.refinery.cli.stack.LocalStack;
import dev.refinery.cli.stack.StackFiles;
import dev.refinery.ingest.importer.ImportRunner;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.selector.status.QuotaStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refinery demo}: the main job on the embedded default. Starts the local stack, generates a synthetic crawl,
 * runs ingest, scorer, rewriter, selector and sink in this process, shows progress, and ends with a summary whose
 * precision is measured against the generator's ground truth. Exit 0 when the precision reaches
 * {@code --min-precision}.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on a generated crawl against the embedded stack (no Docker, no GPU)"
                + " and print what was curated and why.")
public final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--pairs",
            defaultValue = "3000",
            description = "Pairs in the generated crawl (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--seed", defaultValue = "7", description = "Crawl seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--dir",
            defaultValue = ".refinery/demo",
            description = "Working folder (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
            names = "--timeout",
            defaultValue = "PT4M",
            description = "Give up after this long (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--serve", description = "Keep the stack, services and status page up after the summary.")
    boolean serve;

    @Option(
            names = "--min-precision",
            defaultValue = "0.95",
            description = "Exit 1 below this precision (default ${DEFAULT-VALUE}).")
    double minPrecision;

    @Override
    public Integer call() throws Exception {
        ((Logger) LoggerFactory.getLogger("dev.refinery")).setLevel(Level.WARN); // the progress lines tell the story
        long started = System.nanoTime();
        String runId =
                "demo-" + Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14);
        Path home = dir.toAbsolutePath();
        System.out.println("Starting the embedded stack (Kafka KRaft, schema registry, S3) under " + home + " ...");
        try (LocalStack stack = LocalStack.start(new StackFiles(home.resolve("stack")), 0, 0, 3, Env.system())) {
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            PlatformConfig platform = PlatformConfig.fromEnv(Env.of(stack.environment()));
            try (ObjectStore objects = ObjectStore.create(platform.s3())) {
                var set = DemoClusters.bootstrap(
                        platform.topics(),
                        new HashMap<>(platform.kafkaClientProperties()),
                        objects,
                        home.resolve("models"),
                        300,
                        6,
                        seed + 1000);
                System.out.println("Cluster set " + set.getVersion() + ": 6 clusters fitted on 300 sample images");
            }
            DemoCrawl crawl = DemoCrawl.generate(pairs, seed);
            System.out.println("Generated crawl: " + crawl.counts());
            try (DemoServices services = DemoServices.start(stack.environment(), home, runId, meters)) {
                QuotaStatus quotaStatus = new QuotaStatus(
                        services.selector().streams(), services.selector().selector(), runId, 1);
                MonitorServer monitor = services.resources()
                        .add(new MonitorServer(
                                "127.0.0.1",
                                0,
                                services.kafka(),
                                services.platform().topics(),
                                quotaStatus::json));
                System.out.println("Services up: ingest, scorer (embedded tiny CLIP, CPU), rewriter (rules), selector"
                        + " (run " + runId + "), curated sink; status page http://127.0.0.1:" + monitor.port() + "/");
                CompletableFuture<ImportRunner.Summary> ingest = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new ImportRunner(services.ingest().pipeline(), 256)
                                .run(crawl.candidates().iterator(), "demo");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
                ImportRunner.Summary summary = await(
                        services, meters, ingest, started, crawl.candidates().size());
                String quotas = quotaStatus.json();
                double precision = DemoSummary.print(System.out, crawl, summary, services, runId, quotas);
                System.out.printf(Locale.ROOT, "finished in %.0f s%n", (System.nanoTime() - started) / 1e9);
                System.out.println("status page:          http://127.0.0.1:" + monitor.port() + "/ (lag, throughput,"
                        + " quotas, DLQ reasons; /metrics for Prometheus)" + (serve ? "; Ctrl-C stops" : ""));
                if (serve) {
                    new java.util.concurrent.CountDownLatch(1).await();
                }
                return precision >= minPrecision ? 0 : 1;
            }
        }
    }

    private ImportRunner.Summary await(
            DemoServices services,
            PrometheusMeterRegistry meters,
            CompletableFuture<ImportRunner.Summary> ingest,
            long started,
            int crawlSize)
            throws Exception {
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(2000);
            DemoProgress p = DemoProgress.of(meters);
            long ingested = ingest.isDone()
                    ? ingest.get().byStatus().getOrDefault(dev.refinery.ingest.pipeline.Outcome.Status.ACCEPTED, 0L)
                    : 0;
            long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
            System.out.println(p.line(elapsed, crawlSize));
            if (ingest.isDone() && p.complete(ingested)) {
                return ingest.get();
            }
        }
        throw new IllegalStateException("the demo did not finish within " + timeout + "; see the progress above");
    }
}
