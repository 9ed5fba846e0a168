package dev.refinery.runtime.topic;

import dev.refinery.runtime.config.Env;
import java.util.List;
import org.apache.kafka.common.internals.Topic;

/**
 * The names of every Refinery topic. Each defaults to {@code <prefix><suffix>} ({@code REFINERY_TOPIC_PREFIX},
 * default {@code refinery.}) and can be overridden alone ({@code REFINERY_TOPIC_PAIRS_RAW}, ...).
 */
public record TopicNames(
        String pairsRaw,
        String pairsScored,
        String pairsRewrite,
        String pairsRewritten,
        String pairsDecisions,
        String pairsCurated,
        String dlq,
        String clusters,
        String runs,
        String ingestDedup) {

    public static final String PREFIX = "REFINERY_TOPIC_PREFIX";
    public static final String DEFAULT_PREFIX = "refinery.";

    public TopicNames {
        for (String name : List.of(
                pairsRaw,
                pairsScored,
                pairsRewrite,
                pairsRewritten,
                pairsDecisions,
                pairsCurated,
                dlq,
                clusters,
                runs)) {
            Topic.validate(name);
        }
    }

    public static TopicNames withPrefix(String prefix) {
        return fromEnv(Env.of(java.util.Map.of(PREFIX, prefix)));
    }

    public static TopicNames fromEnv(Env env) {
        String p = env.string(PREFIX, DEFAULT_PREFIX);
        return new TopicNames(
                env.string("REFINERY_TOPIC_PAIRS_RAW", p + "pairs.raw"),
                env.string("REFINERY_TOPIC_PAIRS_SCORED", p + "pairs.scored"),
                env.string("REFINERY_TOPIC_PAIRS_REWRITE", p + "pairs.rewrite"),
                env.string("REFINERY_TOPIC_PAIRS_REWRITTEN", p + "pairs.rewritten"),
                env.string("REFINERY_TOPIC_PAIRS_DECISIONS", p + "pairs.decisions"),
                env.string("REFINERY_TOPIC_PAIRS_CURATED", p + "pairs.curated"),
                env.string("REFINERY_TOPIC_DLQ", p + "dlq"),
                env.string("REFINERY_TOPIC_CLUSTERS", p + "clusters"),
                env.string("REFINERY_TOPIC_RUNS", p + "runs"),
                env.string("REFINERY_TOPIC_INGEST_DEDUP", p + "ingest.dedup"));
    }
}
