package dev.refinery.selector.replay;

import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Outcome;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.policy.Selection;
import dev.refinery.selector.policy.Selector;
import dev.refinery.selector.processor.DecisionFactory;
import dev.refinery.selector.processor.QuotaKeys;
import dev.refinery.selector.processor.Resolution;
import dev.refinery.selector.processor.RevisionChoice;
import dev.refinery.selector.quota.QuotaState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The replay engine's pure core, no Kafka: takes the input in replay order ({@link ReplayOrder}) and decides every
 * pair with the topology's logic: revision resolution per input partition ({@link RevisionResolver}), quota keys
 * ({@link QuotaKeys}), then the {@link Selector} with one in-memory {@link QuotaState} per key, and the decision
 * built by {@link DecisionFactory} ({@code decided_at} = record time). {@link #finish()} decides the originals still
 * waiting for a rewrite, in pair-id order. The same records always give the same decisions.
 */
public final class ReplayCore {
    private final Selector selector;
    private final DecisionFactory decisions;
    private final int shards;
    private final Duration rewriteWait;
    private final Consumer<CuratedPair> out;
    private final Map<Integer, RevisionResolver> resolvers = new TreeMap<>();
    private final Map<String, QuotaState> states = new HashMap<>();
    private final TreeSet<String> modelIds = new TreeSet<>();
    private final TreeSet<String> clusterSets = new TreeSet<>();
    private long endTime;
    private long read;
    private long decided;
    private long accepted;
    private long timedOutAtEnd;

    public ReplayCore(Selector selector, String runId, int shards, Duration rewriteWait, Consumer<CuratedPair> out) {
        this.selector = selector;
        this.decisions = new DecisionFactory(runId, selector.policy());
        this.shards = shards;
        this.rewriteWait = rewriteWait;
        this.out = out;
    }

    /** Decides a whole input given in replay order; returns the decisions in the order they were made. */
    public static List<Decision> replay(
            Selector selector, String runId, int shards, Duration rewriteWait, Iterable<ScoredRecord> ordered) {
        List<Decision> decided = new ArrayList<>();
        ReplayCore core = new ReplayCore(selector, runId, shards, rewriteWait, c -> decided.add(c.getDecision()));
        ordered.forEach(core::accept);
        core.finish();
        return decided;
    }

    /** The next record in replay order. */
    public void accept(ScoredRecord record) {
        read++;
        endTime = Math.max(endTime, record.timestamp());
        ScoredPair scored = record.pair();
        if (scored.getModelId() != null) {
            modelIds.add(scored.getModelId());
        }
        if (scored.getCluster() != null) {
            clusterSets.add(scored.getCluster().getClusterSetVersion());
        }
        RevisionResolver resolver = resolvers.computeIfAbsent(
                record.partition(),
                p -> new RevisionResolver(rewriteWait, pair -> RevisionChoice.rankKey(selector, pair)));
        resolver.offer(record).forEach(this::decide);
    }

    /** Ends the range: the originals still waiting for a rewrite are decided on themselves, in pair-id order. */
    public void finish() {
        List<ScoredPair> waiting = new ArrayList<>();
        resolvers.values().forEach(r -> waiting.addAll(r.drain()));
        waiting.sort(Comparator.comparing(p -> p.getPair().getPairId()));
        timedOutAtEnd += waiting.size();
        waiting.forEach(p -> decide(new Resolved(p, Resolution.REWRITE_TIMEOUT, endTime)));
    }

    private void decide(Resolved resolved) {
        ScoredPair scored = resolved.pair();
        String key = QuotaKeys.of(scored, shards);
        QuotaState state = selector.stateful()
                ? states.computeIfAbsent(key, k -> selector.newState(QuotaKeys.shardOf(k), shards))
                : null;
        Selection selection = selector.select(scored, state);
        Decision decision = decisions.decision(scored, selection, resolved.resolution(), resolved.timestamp());
        decided++;
        if (decision.getOutcome() == Outcome.ACCEPTED) {
            accepted++;
        }
        out.accept(new CuratedPair(scored, decision));
    }

    public ReplayCounts counts() {
        long late = resolvers.values().stream()
                .mapToLong(RevisionResolver::lateRewrites)
                .sum();
        return new ReplayCounts(read, decided, accepted, late, timedOutAtEnd);
    }

    /** Scorer model ids seen in the input, sorted. */
    public List<String> modelIds() {
        return List.copyOf(modelIds);
    }

    /** Cluster set versions seen in the input, sorted. */
    public List<String> clusterSetVersions() {
        return List.copyOf(clusterSets);
    }
}
