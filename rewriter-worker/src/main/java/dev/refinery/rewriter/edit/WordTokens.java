package dev.refinery.rewriter.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens {@link EditRatio} compares: runs of non-space code points, lower-cased with {@link Locale#ROOT}. Spaces
 * are Java whitespace plus the no-break spaces and NEL ({@link Character#isSpaceChar(int)}, U+0085). Every Han,
 * Hiragana or Katakana code point is a token of its own, since those scripts do not separate words with spaces.
 */
public final class WordTokens {
    private WordTokens() {}

    /** The tokens of {@code text}; null or blank gives an empty list. */
    public static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int start = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isSpace(cp) || isIdeographic(cp)) {
                if (start >= 0) {
                    tokens.add(lower(text.substring(start, i)));
                    start = -1;
                }
                if (isIdeographic(cp)) {
                    tokens.add(text.substring(i, next));
                }
            } else if (start < 0) {
                start = i;
            }
            i = next;
        }
        if (start >= 0) {
            tokens.add(lower(text.substring(start)));
        }
        return tokens;
    }

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    static boolean isIdeographic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static String lower(String token) {
        return token.toLowerCase(Locale.ROOT);
    }
}
