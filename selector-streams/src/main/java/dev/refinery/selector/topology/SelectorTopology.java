package dev.refinery.selector.topology;

import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Outcome;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.policy.Selector;
import dev.refinery.selector.processor.QuotaKeys;
import dev.refinery.selector.processor.QuotaProcessor;
import dev.refinery.selector.processor.ResolveRevisionProcessor;
import dev.refinery.selector.processor.RevisionChoice;
import dev.refinery.selector.processor.RewriteFailedProcessor;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.Stores;

/**
 * The selector topology, a pure builder (no I/O): {@code pairs.scored} → resolve the final revision (store
 * {@value #PENDING_STORE}; with {@code followRewriterDlq}, the rewriter's dead letters from the DLQ end a pair's
 * rewrite wait at once) → re-key by {@code <cluster>/<shard>} and repartition ({@value #BY_CLUSTER}) → quota
 * (store {@value #QUOTA_STORE}) → every decision to {@code pairs.decisions}, accepted pairs to
 * {@code pairs.curated}. Both stores are persistent RocksDB stores with changelogs.
 */
public final class SelectorTopology {
    public static final String PENDING_STORE = "pending-rewrites";
    public static final String QUOTA_STORE = "cluster-quotas";
    public static final String BY_CLUSTER = "by-cluster-shard";

    private SelectorTopology() {}

    /** What the topology needs besides serdes. */
    public record Settings(
            TopicNames topics,
            Selector selector,
            String runId,
            int shardsPerCluster,
            Duration rewriteWait,
            PunctuationType waitClock,
            boolean followRewriterDlq,
            SelectorListener listener) {}

    /** Callbacks for metrics; no-ops in tests. */
    public interface SelectorListener extends QuotaProcessor.DecisionListener {
        void lateRewrite();

        /** A rewrite wait ended early on the rewriter's dead letter. */
        default void rewriteFailed() {}

        SelectorListener NONE = new SelectorListener() {
            @Override
            public void decided(Decision decision) {}

            @Override
            public void lateRewrite() {}
        };
    }

    public static Topology build(
            Settings s,
            Serde<ScoredPair> scored,
            Serde<DeadLetter> deadLetters,
            Serde<Decision> decisions,
            Serde<CuratedPair> curated) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE), keys, scored));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QUOTA_STORE), keys, Serdes.ByteArray()));

        Selector selector = s.selector();
        KStream<String, ScoredPair> resolved = builder.stream(
                        s.topics().pairsScored(), Consumed.with(keys, scored).withName("scored-source"))
                .process(
                        () -> new ResolveRevisionProcessor(
                                PENDING_STORE,
                                s.rewriteWait(),
                                s.waitClock(),
                                pair -> RevisionChoice.rankKey(selector, pair),
                                s.listener()::lateRewrite),
                        Named.as("resolve-revision"),
                        PENDING_STORE);
        if (s.followRewriterDlq()) {
            KStream<String, ScoredPair> failed = builder.stream(
                            s.topics().dlq(), Consumed.with(keys, deadLetters).withName("dlq-source"))
                    .process(
                            () -> new RewriteFailedProcessor(PENDING_STORE, s.listener()::rewriteFailed),
                            Named.as("rewrite-failed"),
                            PENDING_STORE);
            resolved = resolved.merge(failed, Named.as("resolved"));
        }

        KStream<String, CuratedPair> decided = resolved.selectKey(
                        (pairId, pair) -> QuotaKeys.of(pair, s.shardsPerCluster()), Named.as("key-by-cluster-shard"))
                .repartition(Repartitioned.<String, ScoredPair>as(BY_CLUSTER)
                        .withKeySerde(keys)
                        .withValueSerde(scored))
                .process(
                        () -> new QuotaProcessor(QUOTA_STORE, selector, s.runId(), s.shardsPerCluster(), s.listener()),
                        Named.as("quota"),
                        QUOTA_STORE);

        decided.mapValues(CuratedPair::getDecision, Named.as("decision-of"))
                .to(s.topics().pairsDecisions(), Produced.with(keys, decisions).withName("decisions-sink"));
        decided.filter((id, c) -> c.getDecision().getOutcome() == Outcome.ACCEPTED, Named.as("accepted"))
                .to(s.topics().pairsCurated(), Produced.with(keys, curated).withName("curated-sink"));
        return builder.build();
    }
}
