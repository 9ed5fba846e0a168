package dev.refinery.scorer.demo;

import java.util.List;
import java.util.Locale;

/** The shapes of the demo crawl; {@link #variants()} are the words captions may use for them (the plain word first). */
public enum DemoShape {
    CIRCLE(List.of("circle", "circle", "disc", "round shape", "dot")),
    SQUARE(List.of("square", "square", "square shape", "box")),
    TRIANGLE(List.of("triangle", "triangle", "triangular shape")),
    STAR(List.of("star", "star", "five-pointed star")),
    RING(List.of("ring", "ring", "donut shape", "hoop"));

    private final List<String> variants;

    DemoShape(List<String> variants) {
        this.variants = variants;
    }

    /** The plain shape word, e.g. {@code "circle"}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Words a caption may use for this shape. */
    public List<String> variants() {
        return variants;
    }

    /** The constant whose {@link #word()} is {@code word}. */
    public static DemoShape of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
