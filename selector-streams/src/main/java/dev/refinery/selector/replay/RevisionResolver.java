package dev.refinery.selector.replay;

import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.processor.Resolution;
import dev.refinery.selector.processor.RevisionChoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The replay's revision resolution for one input partition, as the live {@code ResolveRevisionProcessor} does it in
 * stream time: a revision 0 routed to REWRITE waits (here in a map sorted by pair id, as the RocksDB store iterates)
 * until its revision 1 arrives, or until a check finds it due. Checks run like Kafka Streams' stream-time punctuation:
 * after the record that moves stream time (the largest record timestamp seen) to or past the next check time, checks
 * aligned to multiples of {@link RevisionChoice#checkInterval(Duration)}. Pure and deterministic.
 */
final class RevisionResolver {
    private final Duration wait;
    private final long interval;
    private final ToDoubleFunction<ScoredPair> rank;
    private final TreeMap<String, ScoredPair> pending = new TreeMap<>();
    private long streamTime = Long.MIN_VALUE;
    private long nextCheck = 0;
    private long lateRewrites;

    RevisionResolver(Duration wait, ToDoubleFunction<ScoredPair> rank) {
        this.wait = wait;
        this.interval = RevisionChoice.checkInterval(wait).toMillis();
        this.rank = rank;
    }

    /** Takes the next record of the partition; returns the pairs resolved by it, in the order they are forwarded. */
    List<Resolved> offer(ScoredRecord record) {
        List<Resolved> out = new ArrayList<>(1);
        ScoredPair scored = record.pair();
        String pairId = scored.getPair().getPairId();
        if (scored.getPair().getRevision() == 0) {
            if (scored.getRoute() == Route.REWRITE) {
                pending.put(pairId, scored);
            } else {
                out.add(new Resolved(scored, Resolution.DIRECT, record.timestamp()));
            }
        } else {
            ScoredPair original = pending.remove(pairId);
            if (original == null) {
                lateRewrites++;
            } else if (RevisionChoice.rewriteWins(scored, original, rank)) {
                out.add(new Resolved(scored, Resolution.REWRITE_WON, record.timestamp()));
            } else {
                out.add(new Resolved(original, Resolution.ORIGINAL_WON, record.timestamp()));
            }
        }
        streamTime = Math.max(streamTime, record.timestamp());
        if (streamTime >= nextCheck) {
            expire(streamTime, out);
            long next = nextCheck + interval;
            nextCheck = streamTime >= next ? nextCheck + ((streamTime - nextCheck) / interval + 1) * interval : next;
        }
        return out;
    }

    private void expire(long now, List<Resolved> out) {
        var it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ScoredPair> e = it.next();
            if (RevisionChoice.due(e.getValue(), wait, now)) {
                it.remove();
                out.add(new Resolved(e.getValue(), Resolution.REWRITE_TIMEOUT, now));
            }
        }
    }

    /** The originals still waiting at the end of the range, in pair-id order; the resolver is empty afterwards. */
    List<ScoredPair> drain() {
        List<ScoredPair> left = new ArrayList<>(pending.values());
        pending.clear();
        return left;
    }

    /** Rewrites that arrived with no original waiting (decided already, or never routed to rewrite). */
    long lateRewrites() {
        return lateRewrites;
    }
}
