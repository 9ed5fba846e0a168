package dev.refinery.scorer.model;

import java.util.List;

/**
 * What the tiny CLIP knows: eight colours with their prototype sRGB values and five shapes with their fill ratio
 * (foreground area / bounding-box area as the image tower measures it on 64 px crops of the demo crawl: a little above
 * the geometric 0.785, 1, 0.5, 0.34 and 0.59 for anti-aliased edges) and whether they have a hole in the middle.
 */
final class TinyClipConcepts {
    /** A colour concept: name and prototype sRGB in [0, 1]. */
    record Colour(String name, float red, float green, float blue) {}

    /** A shape concept: name, fill ratio of its bounding box, and whether its centre is empty. */
    record Shape(String name, float fill, boolean hollow) {}

    static final List<Colour> COLOURS = List.of(
            colour("red", 210, 30, 30),
            colour("orange", 245, 130, 20),
            colour("yellow", 240, 210, 20),
            colour("green", 40, 160, 50),
            colour("blue", 30, 70, 210),
            colour("purple", 130, 40, 170),
            colour("pink", 235, 80, 170),
            colour("black", 25, 25, 25));

    static final List<Shape> SHAPES = List.of(
            new Shape("circle", 0.785f, false),
            new Shape("square", 1.0f, false),
            new Shape("triangle", 0.525f, false),
            new Shape("star", 0.39f, false),
            new Shape("ring", 0.61f, true));

    private TinyClipConcepts() {}

    static int colourIndex(String name) {
        for (int i = 0; i < COLOURS.size(); i++) {
            if (COLOURS.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown colour concept " + name);
    }

    static int shapeIndex(String name) {
        for (int i = 0; i < SHAPES.size(); i++) {
            if (SHAPES.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown shape concept " + name);
    }

    private static Colour colour(String name, int red, int green, int blue) {
        return new Colour(name, red / 255f, green / 255f, blue / 255f);
    }
}
