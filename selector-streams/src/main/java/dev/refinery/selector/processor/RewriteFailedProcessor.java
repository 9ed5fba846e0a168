package dev.refinery.selector.processor;

import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.ScoredPair;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Ends a rewrite wait early: a dead letter from the rewriter (stage {@value #REWRITER_STAGE}) for a pair whose
 * original waits in {@link ResolveRevisionProcessor}'s store means no revision 1 will come, so the original is
 * forwarded at once ({@link Resolution#REWRITE_FAILED}) instead of at the end of the wait. The DLQ is keyed by pair
 * id like the scored topic and has as many partitions, so the dead letter reaches the task that holds the pair.
 * Dead letters of other stages, and of pairs no longer waiting, are ignored.
 */
public final class RewriteFailedProcessor implements Processor<String, DeadLetter, String, ScoredPair> {
    public static final String REWRITER_STAGE = "rewriter";

    private final String storeName;
    private final Runnable onFailure;
    private ProcessorContext<String, ScoredPair> context;
    private KeyValueStore<String, ScoredPair> pending;

    public RewriteFailedProcessor(String storeName, Runnable onFailure) {
        this.storeName = storeName;
        this.onFailure = onFailure;
    }

    @Override
    public void init(ProcessorContext<String, ScoredPair> context) {
        this.context = context;
        this.pending = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, DeadLetter> record) {
        DeadLetter letter = record.value();
        if (record.key() == null || letter == null || !REWRITER_STAGE.equals(letter.getStage())) {
            return;
        }
        ScoredPair original = pending.delete(record.key());
        if (original == null) {
            return;
        }
        onFailure.run();
        Record<String, ScoredPair> out = new Record<>(record.key(), original, record.timestamp(), new RecordHeaders());
        Resolution.REWRITE_FAILED.writeTo(out.headers());
        context.forward(out);
    }
}
