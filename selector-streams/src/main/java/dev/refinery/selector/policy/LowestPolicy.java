package dev.refinery.selector.policy;

import dev.refinery.selector.quota.QuotaParams;
import java.util.List;
import java.util.Optional;

/**
 * {@code lowest}: keep the lowest {@code fraction} of one signal within each cluster (POINTS: the 20% lowest
 * perplexity). Example: {@code {"type":"lowest","signal":"perplexity","fraction":0.2}}. The rank score is the raw
 * signal; the threshold in decisions is an upper bound ({@code value <= threshold} passes).
 *
 * @param signal the signal to keep low
 * @param fraction fraction in (0, 1]
 * @param missingSignal JSON {@code missing_signal}
 * @param rules filters before ranking
 * @param options streaming-quota settings
 */
public record LowestPolicy(
        String signal, double fraction, MissingSignal missingSignal, List<Rule> rules, QuotaOptions options)
        implements SelectionPolicy {

    public static final String TYPE = "lowest";

    public LowestPolicy {
        missingSignal = Ranking.bySignal(signal, true, missingSignal).missing();
        rules = List.copyOf(rules);
        options.params(fraction);
    }

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Optional<Ranking> ranking() {
        return Optional.of(Ranking.bySignal(signal, true, missingSignal));
    }

    @Override
    public Optional<QuotaParams> quota() {
        return Optional.of(options.params(fraction));
    }
}
