package dev.refinery.selector.policy;

import dev.refinery.schemas.Outcome;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.quota.QuotaParams;
import dev.refinery.selector.quota.QuotaState;
import dev.refinery.selector.quota.Verdict;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies a {@link SelectionPolicy} to scored pairs: pure, no Kafka. {@link #evaluate(ScoredPair)} is stateless
 * (scorer route, rules, ranking); {@link #decide(Evaluation, QuotaState)} applies the threshold and the per-key quota,
 * updating the key's {@link QuotaState}. Pairs rejected before the quota do not enter the quota state: alpha is a
 * fraction of the pairs that pass the rules. Thread-safe; the states are not.
 */
public final class Selector {
    public static final String SCORER_REJECT = "scorer:reject";
    public static final String ABOVE_THRESHOLD = "above_threshold";
    public static final String BELOW_THRESHOLD = "below_threshold";

    private final SelectionPolicy policy;
    private final Optional<Ranking> ranking;
    private final Optional<QuotaParams> quota;

    public Selector(SelectionPolicy policy) {
        this.policy = policy;
        this.ranking = policy.ranking();
        this.quota = policy.quota();
    }

    public SelectionPolicy policy() {
        return policy;
    }

    /** Whether {@link #decide} needs a {@link QuotaState} per quota key. */
    public boolean stateful() {
        return quota.isPresent();
    }

    /** Quota parameters of one shard of a cluster: alpha per shard, the cap divided among the shards. */
    public QuotaParams quotaParams(int shard, int shards) {
        return quota.orElseThrow(() -> new IllegalStateException(policy.name() + " policy has no quota state"))
                .forShard(shard, shards);
    }

    public QuotaState newState(int shard, int shards) {
        return QuotaState.create(quotaParams(shard, shards));
    }

    public QuotaState loadState(byte[] bytes, int shard, int shards) {
        return QuotaState.fromBytes(bytes, quotaParams(shard, shards));
    }

    /**
     * The stateless part: a pair the scorer routed to {@code REJECT} is rejected ({@code scorer:reject}); then the
     * rules in order (collecting the values of every rule signal), then the ranking.
     */
    public Evaluation evaluate(ScoredPair pair) {
        if (pair.getRoute() == Route.REJECT) {
            return new Evaluation.Rejected(
                    new Rejection(SCORER_REJECT, String.join(",", pair.getRouteReasons())), Map.of());
        }
        return evaluate(SignalView.of(pair));
    }

    /** Rules and ranking on bare signals. */
    public Evaluation evaluate(SignalView signals) {
        Map<String, Double> scores = new TreeMap<>();
        for (Rule rule : policy.rules()) {
            signals.value(rule.signal()).ifPresent(v -> scores.put(rule.signal(), v));
        }
        for (Rule rule : policy.rules()) {
            Optional<Rejection> failed = rule.check(signals);
            if (failed.isPresent()) {
                return new Evaluation.Rejected(failed.get(), scores);
            }
        }
        return ranking.map(r -> r.score(signals).withScores(scores))
                .orElseGet(() -> new Evaluation.Candidate(null, scores));
    }

    /**
     * The final selection. {@code state} is the pair's quota-key state when {@link #stateful()}, else ignored (may be
     * null); it is updated only when the pair reaches the quota.
     */
    public Selection decide(Evaluation evaluation, QuotaState state) {
        return switch (evaluation) {
            case Evaluation.Rejected r ->
                new Selection(
                        Outcome.REJECTED, r.rejection().reason(), r.rejection().detail(), null, null, r.scores());
            case Evaluation.Candidate c -> decideCandidate(c, state);
        };
    }

    /** {@code decide(evaluate(pair), state)}. */
    public Selection select(ScoredPair pair, QuotaState state) {
        return decide(evaluate(pair), state);
    }

    private Selection decideCandidate(Evaluation.Candidate c, QuotaState state) {
        RankScore rank = c.rank();
        Double value = rank == null ? null : rank.value();
        if (policy instanceof ThresholdPolicy t && value < t.min()) {
            return new Selection(
                    Outcome.REJECTED, BELOW_THRESHOLD, value + " < " + t.min(), value, t.min(), c.scores());
        }
        if (quota.isEmpty()) {
            ThresholdPolicy t = (ThresholdPolicy) policy;
            return new Selection(
                    Outcome.ACCEPTED, ABOVE_THRESHOLD, value + " >= " + t.min(), value, t.min(), c.scores());
        }
        if (state == null) {
            throw new IllegalArgumentException(policy.name() + " policy needs a quota state");
        }
        Verdict v = state.offer(rank == null ? 0.0 : rank.key());
        Double threshold = policy instanceof ThresholdPolicy t ? Double.valueOf(t.min()) : toValue(v.threshold());
        return new Selection(
                v.accepted() ? Outcome.ACCEPTED : Outcome.REJECTED,
                v.reason().code(),
                QuotaDetail.describe(v, value, threshold, rankingLowerIsBetter()),
                value,
                threshold,
                c.scores());
    }

    private Double toValue(Double thresholdKey) {
        if (thresholdKey == null) {
            return null;
        }
        return rankingLowerIsBetter() ? -thresholdKey + 0.0 : thresholdKey;
    }

    private boolean rankingLowerIsBetter() {
        return ranking.map(Ranking::lowerIsBetter).orElse(false);
    }
}
