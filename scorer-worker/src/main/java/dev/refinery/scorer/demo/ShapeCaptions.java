package dev.refinery.scorer.demo;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Caption templates for the demo crawl: every caption names a colour and a shape, in varied wording. */
final class ShapeCaptions {
    private static final List<String> TEMPLATES = List.of(
            "{a} {c} {s}",
            "{C} {s}",
            "photo of {a} {c} {s} on a light background",
            "{a} {c} {s} on a plain background",
            "a simple {c} {s}",
            "an image of {a} {c} {s}",
            "{c} {s}, flat illustration",
            "a bright {c} {s} in the middle of the picture",
            "the {s} is {c}",
            "clipart of {a} {c} {s}");

    private ShapeCaptions() {}

    static String describe(DemoColour colour, DemoShape shape, Random r) {
        String c = pick(colour.variants(), r);
        String s = pick(shape.variants(), r);
        String template = TEMPLATES.get(r.nextInt(TEMPLATES.size()));
        return template.replace("{a}", article(c))
                .replace("{C}", c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1))
                .replace("{c}", c)
                .replace("{s}", s);
    }

    private static String pick(List<String> words, Random r) {
        return words.get(r.nextInt(words.size()));
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
