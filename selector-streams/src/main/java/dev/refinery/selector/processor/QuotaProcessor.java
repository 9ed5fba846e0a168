package dev.refinery.selector.processor;

import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.policy.Selection;
import dev.refinery.selector.policy.Selector;
import dev.refinery.selector.quota.QuotaState;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decides each pair on its quota key ({@code <cluster>/<shard>}): the policy's rules, then the key's streaming quota,
 * whose state lives in {@code store} (bytes, changelogged). Forwards, keyed by pair id again, the pair with its
 * {@link Decision} (built by {@link DecisionFactory}, as on replay); downstream splits decisions and the accepted
 * subset. States are cached per task and written through, so a restored task continues exactly where the changelog
 * left off.
 */
public final class QuotaProcessor implements Processor<String, ScoredPair, String, CuratedPair> {
    private final String storeName;
    private final Selector selector;
    private final DecisionFactory decisions;
    private final int shards;
    private final DecisionListener listener;
    private final Map<String, QuotaState> cache = new HashMap<>();
    private ProcessorContext<String, CuratedPair> context;
    private KeyValueStore<String, byte[]> store;

    /** Sees every decision, for metrics. */
    @FunctionalInterface
    public interface DecisionListener {
        void decided(Decision decision);
    }

    public QuotaProcessor(String storeName, Selector selector, String runId, int shards, DecisionListener listener) {
        this.storeName = storeName;
        this.selector = selector;
        this.decisions = new DecisionFactory(runId, selector.policy());
        this.shards = shards;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, CuratedPair> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        cache.clear();
    }

    @Override
    public void process(Record<String, ScoredPair> record) {
        ScoredPair scored = record.value();
        if (scored == null) {
            return;
        }
        String key = record.key();
        QuotaState state = selector.stateful() ? state(key) : null;
        Selection selection = selector.select(scored, state);
        if (state != null && state.seen() > 0) {
            store.put(key, state.toBytes());
        }
        Decision decision = decisions.decision(
                scored,
                selection,
                Resolution.readFrom(record.headers()),
                record.timestamp()); // record time: replayable
        listener.decided(decision);
        context.forward(record.withKey(decision.getPairId()).withValue(new CuratedPair(scored, decision)));
    }

    private QuotaState state(String key) {
        return cache.computeIfAbsent(key, k -> {
            byte[] bytes = store.get(k);
            int shard = QuotaKeys.shardOf(k);
            return bytes == null ? selector.newState(shard, shards) : selector.loadState(bytes, shard, shards);
        });
    }
}
