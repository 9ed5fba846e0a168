package dev.refinery.selector.run;

import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.schemas.RunManifest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs known to the compacted {@code runs} topic: the latest manifest per run id (a later write of the same run,
 * e.g. RUNNING then COMPLETED, replaces the earlier one; a tombstone removes it).
 */
public final class RunCatalog {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private RunCatalog() {}

    /** Every run, oldest first (by {@code created_at}, then run id). */
    public static List<RunManifest> list(Map<String, Object> kafka, String runsTopic) {
        var values = new SpecificAvroDeserializer<RunManifest>();
        values.configure(kafka, false);
        Map<String, RunManifest> latest = new LinkedHashMap<>();
        for (var r : TopicScan.readAll(kafka, runsTopic, values, TIMEOUT)) {
            if (r.value() == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.value().getRunId(), r.value());
            }
        }
        List<RunManifest> runs = new ArrayList<>(latest.values());
        runs.sort(Comparator.comparing(RunManifest::getCreatedAt).thenComparing(RunManifest::getRunId));
        return runs;
    }

    public static Optional<RunManifest> find(Map<String, Object> kafka, String runsTopic, String runId) {
        return list(kafka, runsTopic).stream()
                .filter(m -> m.getRunId().equals(runId))
                .findFirst();
    }
}
