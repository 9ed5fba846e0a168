package dev.refinery.selector.policy;

import dev.refinery.selector.quota.QuotaParams;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code proportional}: accept a fraction {@code alpha} of each cluster's pairs that pass the rules, ranked by a
 * weighted sum of signals (InstructionGPT-4). Example: {@code {"type":"proportional","alpha":0.1,
 * "weights":{"clip_score":1.0,"aesthetic":0.5,"caption_words":0.01}}}.
 *
 * @param alpha fraction in (0, 1]
 * @param weights signal name to weight
 * @param missingSignal JSON {@code missing_signal}
 * @param rules filters before ranking
 * @param options streaming-quota settings
 */
public record ProportionalPolicy(
        double alpha, Map<String, Double> weights, MissingSignal missingSignal, List<Rule> rules, QuotaOptions options)
        implements SelectionPolicy {

    public static final String TYPE = "proportional";

    public ProportionalPolicy {
        Ranking ranking = new Ranking(weights, false, missingSignal);
        weights = ranking.weights();
        missingSignal = ranking.missing();
        rules = List.copyOf(rules);
        options.params(alpha);
    }

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Optional<Ranking> ranking() {
        return Optional.of(new Ranking(weights, false, missingSignal));
    }

    @Override
    public Optional<QuotaParams> quota() {
        return Optional.of(options.params(alpha));
    }
}
