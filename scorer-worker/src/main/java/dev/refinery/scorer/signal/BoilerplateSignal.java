package dev.refinery.scorer.signal;

import dev.refinery.schemas.Signal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code boilerplate_caption}: 1.0 when the alt text carries no description of the image, with the reason as label;
 * 0.0 (no label) otherwise. Rules are conservative: a caption is boilerplate only when all of it is, so "photo of a
 * cat", "Nike logo" or "Screenshot of the settings page explaining dark mode" pass. The first matching rule wins:
 *
 * <ol>
 *   <li>{@value #EMPTY_LIKE}: no letter or digit at all ("-", "...", "•••"), or a missing-value stand-in ("null",
 *       "undefined", "n/a", "[object Object]", "alt text", "lorem ipsum ...").
 *   <li>{@value #HTML}: markup leftovers anywhere: HTML tags ({@code <img}, {@code <br>}), entities ({@code &nbsp;},
 *       {@code &amp;}, {@code &#39;}), attributes ({@code alt="}), template leftovers ({@code {{ }}},
 *       {@code ${}}) and JSON unicode escapes left in the text.
 *   <li>{@value #URL}: the whole caption is one URL, {@code www.} host, bare domain, data/mailto URI or site path.
 *   <li>{@value #FILE_NAME}: a file name or camera/device name: ends with an image or media extension (at most 6
 *       words), or {@code IMG_0042}, {@code DSC01234}, {@code P1010001}, {@code image001}, {@code 20190612_153012},
 *       "Screenshot 2023-...", "WhatsApp Image ...", hex hashes, UUIDs, Windows paths.
 *   <li>{@value #NUMERIC}: digits and punctuation only ("2019", "$19.99", "1/12") or a size like "300x250".
 *   <li>{@value #GENERIC}: at most 8 words, all of them generic page furniture ("image", "click here", "no image
 *       available", "thumbnail", "logo", "Foto", "图片", ...); see {@code GenericPhrases}.
 *   <li>{@value #REPEATED}: keyword stuffing: 4+ words of which at most a third are distinct ("sale sale sale sale"),
 *       or one unit repeated 3+ times ("促销促销促销").
 * </ol>
 */
public final class BoilerplateSignal implements QualitySignal {
    public static final String NAME = "boilerplate_caption";
    public static final String EMPTY_LIKE = "empty_like";
    public static final String HTML = "html";
    public static final String URL = "url";
    public static final String FILE_NAME = "file_name";
    public static final String NUMERIC = "numeric";
    public static final String GENERIC = "generic";
    public static final String REPEATED = "repeated";
    private static final String VERSION = "1";
    /** Longer captions are never a file name or a generic phrase; this bounds the regex work on SEO walls of text. */
    private static final int MAX_SHORT_RULE_CHARS = 300;

    private static final Set<String> NULLISH = Set.of(
            "null",
            "undefined",
            "none",
            "nil",
            "nan",
            "n/a",
            "n.a.",
            "na",
            "[object object]",
            "object object",
            "alt",
            "alt text",
            "alttext",
            "alt tag",
            "alt-text",
            "title",
            "caption",
            "description",
            "no description",
            "no caption",
            "image description",
            "enter alt text",
            "add alt text",
            "insert alt text",
            "test",
            "testing",
            "todo",
            "tbd",
            "xxx",
            "asdf",
            "text",
            "sample text",
            "your text here",
            "lorem ipsum");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<Signal> compute(SignalInput in) {
        String reason = reason(in.caption());
        return List.of(new Signal(NAME, VERSION, reason == null ? 0.0 : 1.0, reason));
    }

    /** The boilerplate reason of a caption, or null when it looks like a genuine description. */
    public static String reason(String caption) {
        String s = CaptionText.strip(caption);
        if (!CaptionText.hasLetterOrDigit(s)) {
            return EMPTY_LIKE;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (NULLISH.contains(lower) || lower.startsWith("lorem ipsum")) {
            return EMPTY_LIKE;
        }
        if (BoilerplateRules.html(s)) {
            return HTML;
        }
        List<String> tokens = CaptionText.split(lower);
        if (tokens.size() == 1 && BoilerplateRules.url(lower)) {
            return URL;
        }
        boolean shortCaption = s.length() <= MAX_SHORT_RULE_CHARS;
        if (shortCaption && BoilerplateRules.fileName(lower, tokens.size())) {
            return FILE_NAME;
        }
        if (!CaptionText.hasLetter(s) || (shortCaption && BoilerplateRules.dimensions(lower))) {
            return NUMERIC;
        }
        if (shortCaption && GenericPhrases.matches(lower)) {
            return GENERIC;
        }
        if (BoilerplateRules.repeated(lower, tokens)) {
            return REPEATED;
        }
        return null;
    }
}
