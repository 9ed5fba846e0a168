package dev.refinery.rewriter.rules;

/**
 * The rule pipeline for one text. Markup goes first ({@link Markup}) and whitespace is normalised ({@link Spacing});
 * then links ({@link Links}), file and camera names ({@link FileNames}), boilerplate ({@link Boilerplate}),
 * repetition ({@link Repetition}) and spacing ({@link Spacing#tidy}) run in that order, again until nothing changes
 * (at most {@value #PASSES} passes), since one removal can expose another ("IMG_0042.jpg - image" leaves "image").
 * A result without any letter or digit ("...", "🎉") is empty. Last, an ALL-CAPS result is put in sentence case,
 * and the first letter is upper-cased when any rule changed the text ({@link Casing}); a caption the rules leave
 * alone keeps its casing. Input longer than {@value #MAX_INPUT_CHARS} chars is cut first, which bounds the regex work.
 */
final class CaptionCleaner {
    static final int MAX_INPUT_CHARS = 4_000;
    private static final int PASSES = 3;

    private CaptionCleaner() {}

    /** The cleaned text, possibly empty; never null. */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String original = Spacing.normalize(Text.cut(raw, MAX_INPUT_CHARS));
        String s = Spacing.normalize(Markup.strip(original));
        for (int pass = 0; pass < PASSES; pass++) {
            String before = s;
            s = Links.remove(s);
            s = FileNames.remove(s);
            s = Boilerplate.remove(s);
            s = Repetition.collapse(s);
            s = Spacing.tidy(s);
            if (s.equals(before)) {
                break;
            }
        }
        if (!Text.hasLetterOrDigit(s)) {
            return "";
        }
        if (Casing.isAllCaps(s)) {
            s = Casing.sentenceCase(s);
        }
        return s.equals(original) ? s : Casing.capitalizeFirst(s);
    }
}
