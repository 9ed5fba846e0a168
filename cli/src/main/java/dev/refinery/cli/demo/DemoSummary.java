package dev.refinery.cli.demo;

import dev.refinery.ingest.importer.ImportRunner;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Outcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * The demo's closing report, read from the topics and the bucket (not from meters): counts by outcome and reason,
 * per-cluster acceptance against the target, where the shards are, and the precision of the curated set against the
 * generator's ground truth.
 */
final class DemoSummary {
    private DemoSummary() {}

    /** Prints the report and returns the precision of the accepted set (wanted / accepted). */
    static double print(
            PrintStream out,
            DemoCrawl crawl,
            ImportRunner.Summary ingest,
            DemoServices s,
            String runId,
            String quotas) {
        List<Decision> decisions = read(s, s.platform().topics().pairsDecisions(), Decision.class).stream()
                .filter(d -> d.getRunId().equals(runId))
                .toList();
        List<CuratedPair> curated = read(s, s.platform().topics().pairsCurated(), CuratedPair.class);
        List<DeadLetter> dlq = read(s, s.platform().topics().dlq(), DeadLetter.class);

        out.println();
        out.println("== Refinery demo summary (run " + runId + ") ==");
        out.println("crawl generated:      " + crawl.counts());
        out.println("ingest:               " + ingest.byStatus() + "  rejected by reason " + ingest.rejectedByReason());
        out.println("dead letters:         " + count(dlq, d -> d.getStage() + ":" + d.getReason()));
        out.println(
                "decisions:            " + count(decisions, d -> d.getOutcome().name()));
        out.println("decision reasons:     " + count(decisions, Decision::getReason));
        out.println("per-cluster quotas (selector /v1/quotas):");
        printQuotas(out, quotas);

        Map<String, Long> acceptedByTruth = count(curated, c -> truth(c));
        long wanted = curated.stream()
                .filter(c -> Truth.valueOf(truth(c).toUpperCase(Locale.ROOT)).wanted())
                .count();
        double precision = curated.isEmpty() ? 0 : wanted / (double) curated.size();
        long accepted = decisions.stream()
                .filter(d -> d.getOutcome() == Outcome.ACCEPTED)
                .count();
        out.println("curated by truth:     " + acceptedByTruth);
        out.printf(
                Locale.ROOT,
                "precision:            %.4f (%d of %d accepted pairs are matched or fixable captions; generated"
                        + " mismatched, foreign and corrupt pairs accepted: %d)%n",
                precision,
                wanted,
                curated.size(),
                curated.size() - wanted);
        try (ObjectStore objects = ObjectStore.create(s.platform().s3())) {
            List<String> keys = objects.list("curated/" + runId + "/shards/");
            long shards = keys.stream().filter(k -> k.endsWith(".idx.json")).count();
            out.printf(
                    Locale.ROOT,
                    "curated shards:       %d WebDataset tar shards with %d samples (%d accepted) under %s"
                            + " (S3 endpoint %s)%n",
                    shards,
                    curated.size(),
                    accepted,
                    objects.uri("curated/" + runId + "/"),
                    s.environment().get("REFINERY_S3_ENDPOINT"));
        }
        return precision;
    }

    private static void printQuotas(PrintStream out, String quotas) {
        try {
            var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(quotas);
            out.printf(
                    Locale.ROOT, "  %-8s %8s %9s %11s %8s%n", "cluster", "ranked", "accepted", "acceptance", "target");
            for (var c : root.path("clusters")) {
                out.printf(
                        Locale.ROOT,
                        "  %-8s %8d %9d %11.3f %8.3f%n",
                        c.get("cluster").asText(),
                        c.get("seen").asLong(),
                        c.get("accepted").asLong(),
                        c.get("acceptance").asDouble(),
                        root.path("target").asDouble());
            }
        } catch (java.io.IOException e) {
            out.println("  " + quotas);
        }
    }

    private static String truth(CuratedPair c) {
        return c.getScored().getPair().getMetadata().getOrDefault(Truth.KEY, "unknown");
    }

    private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static <T extends SpecificRecord> List<T> read(DemoServices s, String topic, Class<T> type) {
        var values = new SpecificAvroDeserializer<T>();
        values.configure(s.kafka(), false);
        return TopicScan.readAll(s.kafka(), topic, values, Duration.ofMinutes(1)).stream()
                .map(r -> r.value())
                .filter(v -> v != null && type.isInstance(v))
                .toList();
    }
}
