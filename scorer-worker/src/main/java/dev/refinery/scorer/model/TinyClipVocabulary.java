package dev.refinery.scorer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tiny CLIP's word-level vocabulary and its hand-set word table: each word has one weight per colour concept and
 * per shape concept ({@link TinyClipConcepts}). Colour words (and synonyms such as "crimson") point at their colour,
 * shape words (and plurals, synonyms such as "round" or "donut") at their shape, a few ambiguous words at two
 * concepts; filler words, special tokens and {@code [UNK]} are all-zero rows, so they contribute nothing.
 */
final class TinyClipVocabulary {
    static final String PAD = "[PAD]";
    static final String UNK = "[UNK]";
    static final String BOS = "<bos>";
    static final String EOS = "<eos>";
    static final List<String> SPECIALS = List.of(PAD, UNK, BOS, EOS);
    static final int FEATURES = TinyClipConcepts.COLOURS.size() + TinyClipConcepts.SHAPES.size();

    private static final List<String> FILLER = List.of("""
        a an the of on in at with and or to for by from is are this that it its there here one single picture
        photo photograph image drawing illustration shape shapes icon graphic clipart clip art vector simple
        plain flat bright dark light pale deep vivid big small large little tiny huge white grey gray background
        paper middle center centre centered centred colored coloured color colour five pointed drawn solid filled
        logo symbol sign object figure geometric cartoon abstract minimal design pattern stock free download
        click view see more jpg png
        """.strip().split("\\s+"));

    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final List<float[]> rows = new ArrayList<>();

    private TinyClipVocabulary() {
        SPECIALS.forEach(this::filler);
        colour("red", 1, "red", "reds", "reddish", "crimson", "scarlet", "cherry", "ruby", "maroon", "vermilion");
        colour("orange", 1, "orange", "oranges", "orangey", "orangish", "tangerine", "apricot");
        colour("yellow", 1, "yellow", "yellowish", "golden", "gold", "lemon", "mustard", "canary");
        colour("green", 1, "green", "greens", "greenish", "lime", "emerald", "olive", "jade", "mint");
        colour("blue", 1, "blue", "blues", "bluish", "blueish", "navy", "azure", "cobalt", "sapphire", "cyan");
        colour("purple", 1, "purple", "purples", "purplish", "violet", "lilac", "lavender", "plum", "mauve");
        colour("pink", 1, "pink", "pinks", "pinkish", "rose", "fuchsia");
        colour("black", 1, "black", "blackish", "ebony", "jet", "onyx", "charcoal");
        mixed("amber", "orange", "yellow");
        mixed("magenta", "purple", "pink");
        mixed("indigo", "purple", "blue");
        mixed("teal", "blue", "green");
        mixed("turquoise", "blue", "green");
        mixed("salmon", "pink", "orange");
        shape("circle", 1, "circle", "circles", "circular", "disc", "discs", "disk", "disks", "dot", "dots", "ball");
        shape("circle", 1, "balls", "sphere", "orb");
        shape("circle", 0.8f, "oval", "round", "rounded");
        for (String roundish : List.of("round", "rounded")) {
            rows.get(ids.get(roundish))[shapeColumn("ring")] = 0.3f;
        }
        shape("square", 1, "square", "squares", "box", "boxes", "cube", "block", "tile");
        shape("square", 0.8f, "rectangle", "rectangles", "rectangular");
        shape("triangle", 1, "triangle", "triangles", "triangular", "pyramid", "wedge");
        shape("star", 1, "star", "stars", "pentagram", "starburst");
        shape("ring", 1, "ring", "rings", "donut", "donuts", "doughnut", "doughnuts", "hoop", "hoops", "annulus");
        shape("ring", 1, "loop", "torus", "halo");
        FILLER.forEach(this::filler);
    }

    static TinyClipVocabulary create() {
        return new TinyClipVocabulary();
    }

    /** Token to id, in id order. */
    Map<String, Integer> ids() {
        return Collections.unmodifiableMap(ids);
    }

    /** Tokens in id order. */
    List<String> tokens() {
        return List.copyOf(ids.keySet());
    }

    int size() {
        return rows.size();
    }

    /** The word table, row-major [size, FEATURES]: colour concepts first, then shape concepts. */
    float[] table() {
        float[] table = new float[rows.size() * FEATURES];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, table, i * FEATURES, FEATURES);
        }
        return table;
    }

    private void colour(String concept, float weight, String... words) {
        for (String word : words) {
            add(word)[TinyClipConcepts.colourIndex(concept)] = weight;
        }
    }

    private void mixed(String word, String first, String second) {
        float[] row = add(word);
        row[TinyClipConcepts.colourIndex(first)] = 1;
        row[TinyClipConcepts.colourIndex(second)] = 0.6f;
    }

    private void shape(String concept, float weight, String... words) {
        for (String word : words) {
            add(word)[shapeColumn(concept)] = weight;
        }
    }

    private static int shapeColumn(String concept) {
        return TinyClipConcepts.COLOURS.size() + TinyClipConcepts.shapeIndex(concept);
    }

    private void filler(String word) {
        if (!ids.containsKey(word)) {
            add(word);
        }
    }

    private float[] add(String word) {
        if (ids.containsKey(word)) {
            throw new IllegalStateException("duplicate vocabulary word " + word);
        }
        float[] row = new float[FEATURES];
        ids.put(word, rows.size());
        rows.add(row);
        return row;
    }
}
