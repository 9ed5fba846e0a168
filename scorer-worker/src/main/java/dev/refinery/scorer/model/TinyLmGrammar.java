package dev.refinery.scorer.model;

import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.ARTICLE;
import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.BEGIN;
import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.COLOUR;
import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.CONJUNCTION;
import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.END;
import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.MODIFIER;
import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.NOUN;
import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.OTHER;
import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.PREPOSITION;
import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.SHAPE;
import static dev.refinery.scorer.model.TinyLmGrammar.WordClass.VERB;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tiny causal LM's hand-set grammar over the tiny CLIP vocabulary: every word belongs to one class, and the logit
 * of the next word is the weight of the transition between the classes (natural-log units; 0 = neutral). Captions
 * like "a red circle on a white background" follow high-weight transitions (article, colour, shape, preposition,
 * article, colour, noun, end); shuffled ones mostly neutral ones; unknown words cost {@value #UNKNOWN_PENALTY} each.
 */
final class TinyLmGrammar {
    enum WordClass {
        SPECIAL,
        UNKNOWN,
        BEGIN,
        END,
        ARTICLE,
        MODIFIER,
        COLOUR,
        SHAPE,
        NOUN,
        PREPOSITION,
        CONJUNCTION,
        VERB,
        OTHER
    }

    /** The logit of a word of class {@code to} after a word of class {@code from}. */
    record Transition(WordClass from, WordClass to, float weight) {}

    static final float UNKNOWN_PENALTY = -5f;
    static final float NEVER = -20f;

    private static final Map<WordClass, Set<String>> WORDS = Map.of(
            ARTICLE, Set.of("a", "an", "the", "this", "that", "one", "single", "its"),
            PREPOSITION, Set.of("of", "on", "in", "at", "with", "to", "for", "by", "from"),
            CONJUNCTION, Set.of("and", "or"),
            VERB, Set.of("is", "are"),
            COLOUR, Set.of("white", "grey", "gray"),
            SHAPE, Set.of("shape", "shapes", "icon", "logo", "symbol", "sign", "object", "figure"),
            MODIFIER,
                    Set.of(
                            "simple",
                            "plain",
                            "flat",
                            "bright",
                            "dark",
                            "light",
                            "pale",
                            "deep",
                            "vivid",
                            "big",
                            "small",
                            "large",
                            "little",
                            "tiny",
                            "huge",
                            "five",
                            "pointed",
                            "drawn",
                            "solid",
                            "filled",
                            "geometric",
                            "cartoon",
                            "abstract",
                            "minimal",
                            "colored",
                            "coloured",
                            "centered",
                            "centred"),
            NOUN,
                    Set.of(
                            "picture",
                            "photo",
                            "photograph",
                            "image",
                            "drawing",
                            "illustration",
                            "graphic",
                            "clipart",
                            "art",
                            "vector",
                            "background",
                            "paper",
                            "middle",
                            "center",
                            "centre",
                            "design",
                            "pattern"));

    /** The fluent transitions; every other one between word classes is neutral (weight 0). */
    private static final List<Transition> FLUENT = List.of(
            t(BEGIN, ARTICLE, 6),
            t(BEGIN, COLOUR, 4),
            t(BEGIN, MODIFIER, 4),
            t(BEGIN, NOUN, 4),
            t(BEGIN, SHAPE, 3),
            t(ARTICLE, COLOUR, 5),
            t(ARTICLE, MODIFIER, 5),
            t(ARTICLE, SHAPE, 5),
            t(ARTICLE, NOUN, 5),
            t(MODIFIER, COLOUR, 4),
            t(MODIFIER, SHAPE, 4),
            t(MODIFIER, NOUN, 4),
            t(MODIFIER, MODIFIER, 2),
            t(COLOUR, SHAPE, 6),
            t(COLOUR, NOUN, 4),
            t(COLOUR, END, 3),
            t(COLOUR, CONJUNCTION, 3),
            t(COLOUR, COLOUR, 1),
            t(SHAPE, PREPOSITION, 5),
            t(SHAPE, END, 5),
            t(SHAPE, VERB, 4),
            t(SHAPE, CONJUNCTION, 3),
            t(SHAPE, MODIFIER, 2),
            t(SHAPE, NOUN, 2),
            t(NOUN, END, 5),
            t(NOUN, PREPOSITION, 5),
            t(NOUN, CONJUNCTION, 2),
            t(PREPOSITION, ARTICLE, 6),
            t(PREPOSITION, COLOUR, 3),
            t(PREPOSITION, NOUN, 3),
            t(PREPOSITION, MODIFIER, 3),
            t(CONJUNCTION, ARTICLE, 4),
            t(CONJUNCTION, COLOUR, 4),
            t(CONJUNCTION, MODIFIER, 3),
            t(CONJUNCTION, SHAPE, 3),
            t(VERB, COLOUR, 5),
            t(VERB, ARTICLE, 4),
            t(VERB, MODIFIER, 3),
            t(VERB, PREPOSITION, 2),
            t(OTHER, END, 2));

    private TinyLmGrammar() {}

    /** The class of every vocabulary word, by id: colour and shape words from the tiny CLIP's word table. */
    static WordClass[] classes(TinyClipVocabulary vocabulary) {
        List<String> tokens = vocabulary.tokens();
        float[] table = vocabulary.table();
        int colours = TinyClipConcepts.COLOURS.size();
        WordClass[] classes = new WordClass[tokens.size()];
        for (int id = 0; id < tokens.size(); id++) {
            String word = tokens.get(id);
            classes[id] = switch (word) {
                case TinyClipVocabulary.PAD -> WordClass.SPECIAL;
                case TinyClipVocabulary.UNK -> WordClass.UNKNOWN;
                case TinyClipVocabulary.BOS -> WordClass.BEGIN;
                case TinyClipVocabulary.EOS -> WordClass.END;
                default ->
                    WORDS.entrySet().stream()
                            .filter(e -> e.getValue().contains(word))
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse(
                                    weight(table, id, 0, colours) > 0
                                            ? WordClass.COLOUR
                                            : weight(table, id, colours, TinyClipVocabulary.FEATURES) > 0
                                                    ? WordClass.SHAPE
                                                    : WordClass.OTHER);
            };
        }
        return classes;
    }

    /** The transition weights, row-major [from class, to class]. */
    static float[][] transitions() {
        int n = WordClass.values().length;
        float[][] w = new float[n][n];
        for (float[] row : w) {
            row[WordClass.SPECIAL.ordinal()] = NEVER;
            row[WordClass.BEGIN.ordinal()] = NEVER;
            row[WordClass.UNKNOWN.ordinal()] = UNKNOWN_PENALTY;
        }
        for (Transition t : FLUENT) {
            w[t.from().ordinal()][t.to().ordinal()] = t.weight();
        }
        return w;
    }

    private static float weight(float[] table, int id, int from, int to) {
        float sum = 0;
        for (int f = from; f < to; f++) {
            sum += table[id * TinyClipVocabulary.FEATURES + f];
        }
        return sum;
    }

    private static Transition t(WordClass from, WordClass to, float weight) {
        return new Transition(from, to, weight);
    }
}
