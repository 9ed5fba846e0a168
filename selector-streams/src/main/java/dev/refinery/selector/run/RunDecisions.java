package dev.refinery.selector.run;

import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.topic.TopicScan;
import dev.refinery.schemas.Decision;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the decisions of some runs from {@code pairs.decisions} ({@code read_committed}, the whole retained topic,
 * without a consumer group). For diffs and tests: it holds the topic's decisions in memory while filtering.
 */
public final class RunDecisions {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private RunDecisions() {}

    public static List<Decision> read(Map<String, Object> kafka, String decisionsTopic, Set<String> runIds) {
        var values = new SpecificAvroDeserializer<Decision>();
        values.configure(kafka, false);
        return TopicScan.readAll(kafka, decisionsTopic, values, TIMEOUT).stream()
                .map(r -> r.value())
                .filter(d -> d != null && runIds.contains(d.getRunId()))
                .toList();
    }
}
