package dev.refinery.selector.policy;

import dev.refinery.schemas.ClusterAssignment;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.ImageRef;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.schemas.Signal;
import dev.refinery.schemas.Source;
import dev.refinery.schemas.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds scored pairs for tests: numeric signals by name, an optional language label, a cluster and a route. */
public final class ScoredPairs {
    private ScoredPairs() {}

    public static ScoredPair pair(
            String pairId, int cluster, Double clipScore, Map<String, Double> values, String language) {
        return pair(pairId, cluster, clipScore, values, language, Route.KEEP_CANDIDATE);
    }

    public static ScoredPair pair(
            String pairId, int cluster, Double clipScore, Map<String, Double> values, String language, Route route) {
        List<Signal> signals = new ArrayList<>();
        values.forEach((name, value) -> signals.add(new Signal(name, "test-1", value, null)));
        if (language != null) {
            signals.add(new Signal("language", "test-1", 0.99, language));
        }
        RawPair raw = new RawPair(
                pairId,
                "img-" + pairId,
                0,
                "a caption",
                new ImageRef("s3://b/images/" + pairId, 10_000L, ImageFormat.JPEG, 640, 480),
                new Source(SourceKind.JSONL, "test", null, null, null),
                Instant.EPOCH,
                false,
                Map.of(),
                null);
        return new ScoredPair(
                raw,
                clipScore,
                null,
                null,
                signals,
                new ClusterAssignment(cluster, "cs-1", 0.9),
                route,
                route == Route.REJECT ? List.of("rule:min_side") : List.of(),
                "routing-test",
                "model-test",
                Instant.EPOCH);
    }

    /** A pair with only numeric signals, in cluster 0, no language. */
    public static ScoredPair withSignals(Double clipScore, Map<String, Double> values) {
        return pair("p", 0, clipScore, values, null);
    }
}
