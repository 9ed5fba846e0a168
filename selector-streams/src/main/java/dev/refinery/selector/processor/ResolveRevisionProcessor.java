package dev.refinery.selector.processor;

import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves each pair's final revision (keyed by pair id, so both revisions of a pair meet in one task). Revision 0
 * routed to REWRITE waits in {@code store} for its revision 1 up to {@code wait}, measured from its {@code scored_at}
 * against stream time (deterministic on replay) or wall-clock time; then the better revision is forwarded: a
 * non-rejected revision beats a rejected one, otherwise the higher rank wins and the rewrite wins ties ({@link
 * RevisionChoice}, shared with the replay engine). A rewrite that arrives after its original timed out is dropped and
 * counted: its pair already has its decision.
 */
public final class ResolveRevisionProcessor implements Processor<String, ScoredPair, String, ScoredPair> {
    private static final Logger log = LoggerFactory.getLogger(ResolveRevisionProcessor.class);

    private final String storeName;
    private final Duration wait;
    private final PunctuationType clock;
    private final ToDoubleFunction<ScoredPair> rank;
    private final Runnable onLateRewrite;
    private ProcessorContext<String, ScoredPair> context;
    private KeyValueStore<String, ScoredPair> pending;

    public ResolveRevisionProcessor(
            String storeName,
            Duration wait,
            PunctuationType clock,
            ToDoubleFunction<ScoredPair> rank,
            Runnable onLateRewrite) {
        this.storeName = storeName;
        this.wait = wait;
        this.clock = clock;
        this.rank = rank;
        this.onLateRewrite = onLateRewrite;
    }

    @Override
    public void init(ProcessorContext<String, ScoredPair> context) {
        this.context = context;
        this.pending = context.getStateStore(storeName);
        context.schedule(RevisionChoice.checkInterval(wait), clock, this::expire);
    }

    @Override
    public void process(Record<String, ScoredPair> record) {
        ScoredPair scored = record.value();
        if (scored == null) {
            return;
        }
        String pairId = record.key();
        if (scored.getPair().getRevision() == 0) {
            if (scored.getRoute() == Route.REWRITE) {
                pending.put(pairId, scored);
            } else {
                forward(record, scored, Resolution.DIRECT);
            }
            return;
        }
        ScoredPair original = pending.delete(pairId);
        if (original == null) {
            log.debug("Rewrite of {} arrived after its original was decided; dropped", pairId);
            onLateRewrite.run();
            return;
        }
        boolean rewriteWins = RevisionChoice.rewriteWins(scored, original, rank);
        forward(
                record,
                rewriteWins ? scored : original,
                rewriteWins ? Resolution.REWRITE_WON : Resolution.ORIGINAL_WON);
    }

    private void expire(long now) {
        List<KeyValue<String, ScoredPair>> due = new ArrayList<>();
        try (KeyValueIterator<String, ScoredPair> it = pending.all()) {
            while (it.hasNext()) {
                KeyValue<String, ScoredPair> kv = it.next();
                if (RevisionChoice.due(kv.value, wait, now)) {
                    due.add(kv);
                }
            }
        }
        for (KeyValue<String, ScoredPair> kv : due) {
            pending.delete(kv.key);
            var record = new Record<>(kv.key, kv.value, now, new RecordHeaders());
            forward(record, kv.value, Resolution.REWRITE_TIMEOUT);
        }
    }

    private void forward(Record<String, ScoredPair> record, ScoredPair value, Resolution resolution) {
        Record<String, ScoredPair> out = record.withValue(value);
        resolution.writeTo(out.headers());
        context.forward(out);
    }
}
