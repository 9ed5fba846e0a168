package dev.refinery.scorer.demo;

import java.util.List;
import java.util.Locale;

/**
 * The colours of the demo crawl, in sRGB, chosen to be far apart from each other and from the light backgrounds;
 * {@link #variants()} are the words captions may use for them (the plain word first).
 */
public enum DemoColour {
    RED(210, 30, 30, List.of("red", "red", "crimson", "scarlet")),
    ORANGE(245, 130, 20, List.of("orange", "orange", "tangerine")),
    YELLOW(240, 210, 20, List.of("yellow", "yellow", "golden", "lemon")),
    GREEN(40, 160, 50, List.of("green", "green", "emerald")),
    BLUE(30, 70, 210, List.of("blue", "blue", "cobalt", "navy")),
    PURPLE(130, 40, 170, List.of("purple", "purple", "violet")),
    PINK(235, 80, 170, List.of("pink", "pink", "fuchsia")),
    BLACK(25, 25, 25, List.of("black", "black", "jet black"));

    private final int red;
    private final int green;
    private final int blue;
    private final List<String> variants;

    DemoColour(int red, int green, int blue, List<String> variants) {
        this.red = red;
        this.green = green;
        this.blue = blue;
        this.variants = variants;
    }

    /** The plain colour word, e.g. {@code "red"}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Words a caption may use for this colour. */
    public List<String> variants() {
        return variants;
    }

    /** Packed {@code 0xRRGGBB}. */
    public int rgb() {
        return red << 16 | green << 8 | blue;
    }

    /** The constant whose {@link #word()} is {@code word}. */
    public static DemoColour of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
