package dev.refinery.scorer.signal;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.refinery.schemas.Signal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code language}: the caption's language with Lingua, label = lower-case ISO 639-1 code or {@value #UNDETERMINED}.
 *
 * <p>The value is Lingua's relative distance between the best and the second-best language, in [0, 1]: 1.0 when only
 * one language is possible (its script or letters rule the others out: Thai, Korean, Hindi, Ukrainian "ї"), about
 * 0.05 to 0.3 for a clearly detected short Latin-script caption, near 0 when two languages are equally likely. Lingua
 * 1.2's own confidence values always give the best language 1.0, so they cannot serve. The label is
 * {@value #UNDETERMINED} (value 0.0) when fewer than 4 letters remain once URLs, e-mails, file names and entities are
 * removed (a Han, kana, Hangul or Thai letter counts twice), or when Lingua finds no language or a tie.
 *
 * <p>Only the configured languages are loaded: all 75 take 1.3 GB of heap, the 20 {@link #DEFAULT_LANGUAGES} about
 * 450 MB in high-accuracy mode and 30 MB in low-accuracy mode (trigrams only, noticeably worse below 120 characters,
 * which is most alt text). The detector is built on first use, or by {@link #warmUp()}, with every model preloaded
 * (3 to 5 s on two cores), so no caption pays a model load later. Lingua shares loaded models between detectors in
 * one JVM. Thread-safe.
 */
public final class LanguageSignal implements QualitySignal {
    public static final String NAME = "language";
    public static final String UNDETERMINED = "und";
    /** The most common languages of web alt text, by ISO 639-1 code. */
    public static final List<Language> DEFAULT_LANGUAGES = LanguageCodes.parseAll(List.of(
            "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "fa", "hi", "zh", "ja", "ko", "vi",
            "id", "th"));

    private final List<Language> languages;
    private final boolean lowAccuracy;
    private final String version;
    private volatile LanguageDetector detector;

    /**
     * @param languages at least two distinct languages to choose from
     * @param lowAccuracy Lingua's low-accuracy mode: trigrams only, a fifteenth of the memory, worse on short text
     */
    public LanguageSignal(List<Language> languages, boolean lowAccuracy) {
        LinkedHashSet<Language> distinct = new LinkedHashSet<>(languages);
        if (distinct.contains(Language.UNKNOWN) || distinct.size() < 2) {
            throw new IllegalArgumentException(
                    "language detection needs at least two distinct known languages, got " + languages);
        }
        this.languages = List.copyOf(distinct);
        this.lowAccuracy = lowAccuracy;
        this.version = lowAccuracy ? "1-low" : "1";
    }

    /** The {@link #DEFAULT_LANGUAGES} in high-accuracy mode. */
    public static LanguageSignal defaults() {
        return new LanguageSignal(DEFAULT_LANGUAGES, false);
    }

    /** From ISO 639-1 codes ("en", "DE"); an empty list means {@link #DEFAULT_LANGUAGES}. */
    public static LanguageSignal ofIsoCodes(List<String> codes, boolean lowAccuracy) {
        List<Language> parsed = LanguageCodes.parseAll(codes);
        return new LanguageSignal(parsed.isEmpty() ? DEFAULT_LANGUAGES : parsed, lowAccuracy);
    }

    public List<Language> languages() {
        return languages;
    }

    public boolean lowAccuracy() {
        return lowAccuracy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    /** Builds the detector and loads its models now rather than on the first caption. */
    public LanguageSignal warmUp() {
        detector();
        return this;
    }

    @Override
    public List<Signal> compute(SignalInput in) {
        String text = LanguageText.prepare(in.caption());
        if (text == null) {
            return undetermined();
        }
        Map<Language, Double> confidences = detector().computeLanguageConfidenceValues(text);
        Language best = Language.UNKNOWN;
        double first = 0;
        double second = 0;
        for (Map.Entry<Language, Double> e : confidences.entrySet()) {
            double c = e.getValue();
            if (c > first) {
                second = first;
                first = c;
                best = e.getKey();
            } else if (c > second) {
                second = c;
            }
        }
        double distance = first - second;
        if (best == Language.UNKNOWN || distance <= 0) {
            return undetermined();
        }
        return List.of(new Signal(NAME, version, Math.min(1.0, distance / first), LanguageCodes.code(best)));
    }

    private List<Signal> undetermined() {
        return List.of(new Signal(NAME, version, 0.0, UNDETERMINED));
    }

    private LanguageDetector detector() {
        LanguageDetector d = detector;
        if (d == null) {
            synchronized (this) {
                d = detector;
                if (d == null) {
                    LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(
                                    languages.toArray(Language[]::new))
                            .withPreloadedLanguageModels();
                    d = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
                    detector = d;
                }
            }
        }
        return d;
    }
}
