package dev.refinery.scorer.signal;

import java.util.regex.Pattern;

/** Prepares alt text for language detection: drops what is not language and decides when too little is left. */
final class LanguageText {
    /** URLs, e-mail addresses, file names with an image extension, HTML entities, and words with an underscore. */
    private static final Pattern NOT_LANGUAGE = Pattern.compile(
            "(?:https?://|www\\.)\\S+|\\S+@\\S+\\.\\S+"
                    + "|\\S+\\.(?:jpe?g|png|gif|webp|bmp|svg|avif|heic)\\b|&#?[a-z0-9]{1,8};|\\S*_\\S*",
            Pattern.CASE_INSENSITIVE);
    /** Letters needed before a language is reported; a Han, kana, Hangul or Thai letter counts twice. */
    static final int MIN_LETTER_WEIGHT = 4;
    /** Detection cost grows with length; a caption's language shows in its first few hundred characters. */
    static final int MAX_CHARS = 400;

    private LanguageText() {}

    /** The text to detect, or null when too little language is left (report "und"). */
    static String prepare(String caption) {
        String text = caption.length() > 4 * MAX_CHARS ? caption.substring(0, 4 * MAX_CHARS) : caption;
        text = NOT_LANGUAGE.matcher(text).replaceAll(" ");
        if (text.length() > MAX_CHARS) {
            int cut = MAX_CHARS;
            if (Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
            text = text.substring(0, cut);
        }
        return letterWeight(text) >= MIN_LETTER_WEIGHT ? text : null;
    }

    static int letterWeight(String text) {
        int weight = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                weight += dense(cp) ? 2 : 1;
            }
            i += Character.charCount(cp);
        }
        return weight;
    }

    /** Scripts where one letter carries about a syllable or a word. */
    private static boolean dense(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, THAI -> true;
            default -> false;
        };
    }
}
