package dev.refinery.selector.policy;

import dev.refinery.schemas.ScoredPair;
import dev.refinery.schemas.Signal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Signals of one scored pair by name, plus the top-level CLIP score as the signal {@value #CLIP_SCORE}. A value that
 * is null or NaN counts as missing; when a name repeats, the last signal wins.
 */
public final class SignalView {
    public static final String CLIP_SCORE = "clip_score";

    private final Map<String, Signal> byName;
    private final Double clipScore;

    private SignalView(Double clipScore, List<Signal> signals) {
        this.clipScore = clipScore;
        this.byName = new HashMap<>();
        signals.forEach(s -> byName.put(s.getName(), s));
    }

    public static SignalView of(ScoredPair pair) {
        return new SignalView(pair.getClipScore(), pair.getSignals());
    }

    public static SignalView of(Double clipScore, List<Signal> signals) {
        return new SignalView(clipScore, signals);
    }

    /** The numeric value, empty when the signal is absent, null or NaN. */
    public OptionalDouble value(String name) {
        Double v = CLIP_SCORE.equals(name) ? clipScore : valueOf(byName.get(name));
        return v == null || v.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The label, empty when the signal is absent or has none. */
    public Optional<String> label(String name) {
        Signal s = byName.get(name);
        return s == null || s.getLabel() == null ? Optional.empty() : Optional.of(s.getLabel());
    }

    private static Double valueOf(Signal s) {
        return s == null ? null : s.getValue();
    }
}
