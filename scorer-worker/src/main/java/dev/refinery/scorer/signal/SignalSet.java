package dev.refinery.scorer.signal;

import dev.refinery.schemas.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the configured {@link QualitySignal} families over one pair and concatenates what they emit, in family order.
 *
 * <p>A failing family never takes the record down: when it throws a {@link RuntimeException}, returns null, or returns
 * a null element, its output is replaced by one signal named {@code <family>_error} (the family's version, value null,
 * label {@value #ERROR_LABEL}) and the other families still run. Routing ignores signals it does not know, so such a
 * record is routed as if the family were absent; the {@code _error} signal makes it visible downstream. Failures are
 * logged once per family per minute with the count in between. Thread-safe if the families are.
 */
public final class SignalSet {
    public static final String ERROR_LABEL = "error";

    private final List<QualitySignal> signals;
    private final List<String> versions;
    private final FailureLog failures;

    public SignalSet(List<QualitySignal> signals) {
        this(signals, new FailureLog(Duration.ofMinutes(1), System::nanoTime));
    }

    SignalSet(List<QualitySignal> signals, FailureLog failures) {
        this.signals = List.copyOf(signals);
        Set<String> names = new HashSet<>();
        List<String> versions = new ArrayList<>(this.signals.size());
        for (QualitySignal s : this.signals) {
            if (s.name() == null || s.version() == null || !names.add(s.name())) {
                throw new IllegalArgumentException("quality signal families need a unique name and a version: "
                        + s.getClass().getName() + " named " + s.name());
            }
            versions.add(s.version());
        }
        this.versions = List.copyOf(versions);
        this.failures = failures;
    }

    /**
     * Caption stats, image geometry, LAION, boilerplate and language (high-accuracy mode).
     *
     * @param languages ISO 639-1 codes the language detector loads; empty = {@link LanguageSignal#DEFAULT_LANGUAGES}
     */
    public static SignalSet defaults(List<String> languages) {
        return defaults(languages, false);
    }

    /** As {@link #defaults(List)}, choosing Lingua's low-accuracy mode (a fifteenth of the memory). */
    public static SignalSet defaults(List<String> languages, boolean lowAccuracyLanguageDetection) {
        return new SignalSet(List.of(
                new CaptionStatsSignal(),
                new ImageGeometrySignal(),
                new LaionSignal(),
                new BoilerplateSignal(),
                LanguageSignal.ofIsoCodes(languages, lowAccuracyLanguageDetection)));
    }

    /** The name of the signal emitted in place of a failed family's output. */
    public static String errorName(String family) {
        return family + "_error";
    }

    public List<QualitySignal> signals() {
        return signals;
    }

    /** Loads what families load lazily (the language models, seconds) now, e.g. at startup; returns this. */
    public SignalSet warmUp() {
        for (QualitySignal s : signals) {
            if (s instanceof LanguageSignal language) {
                language.warmUp();
            }
        }
        return this;
    }

    /** Every family's signals for one pair; a mutable list. */
    public List<Signal> compute(SignalInput in) {
        List<Signal> out = new ArrayList<>(signals.size() * 2);
        for (int i = 0; i < signals.size(); i++) {
            out.addAll(computeOne(i, in));
        }
        return out;
    }

    /**
     * Every family's signals for each pair of a batch, in order (mutable lists): one {@link QualitySignal#computeBatch}
     * call per family, so a model runs once per batch. When a family's batch call fails, its pairs are computed one
     * by one, so only the pairs that fail on their own get the {@code _error} signal.
     */
    public List<List<Signal>> compute(List<SignalInput> batch) {
        List<List<Signal>> out = new ArrayList<>(batch.size());
        for (int j = 0; j < batch.size(); j++) {
            out.add(new ArrayList<>(signals.size() * 2));
        }
        for (int i = 0; i < signals.size(); i++) {
            List<List<Signal>> computed = batchOrNull(signals.get(i), batch);
            for (int j = 0; j < batch.size(); j++) {
                out.get(j).addAll(computed != null ? computed.get(j) : computeOne(i, batch.get(j)));
            }
        }
        return out;
    }

    private List<Signal> computeOne(int family, SignalInput in) {
        try {
            List<Signal> computed = signals.get(family).compute(in);
            if (!valid(computed)) {
                throw new IllegalStateException("returned null or a null signal");
            }
            return computed;
        } catch (RuntimeException e) {
            failures.record(signals.get(family).name(), e);
            return List.of(new Signal(errorName(signals.get(family).name()), versions.get(family), null, ERROR_LABEL));
        }
    }

    private static List<List<Signal>> batchOrNull(QualitySignal family, List<SignalInput> batch) {
        try {
            List<List<Signal>> computed = family.computeBatch(batch);
            boolean ok = computed != null
                    && computed.size() == batch.size()
                    && computed.stream().allMatch(SignalSet::valid);
            return ok ? computed : null;
        } catch (RuntimeException e) {
            return null; // retried pair by pair, where a failure is logged and becomes <family>_error
        }
    }

    private static boolean valid(List<Signal> computed) {
        return computed != null && computed.stream().noneMatch(Objects::isNull);
    }

    /** Failures of one family since this set was created. */
    public long failures(String family) {
        return failures.failures(family);
    }
}
