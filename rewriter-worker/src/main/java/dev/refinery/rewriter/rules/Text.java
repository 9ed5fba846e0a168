package dev.refinery.rewriter.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tokens, words and lengths as the rules see them; all methods are null-free and linear in the input. */
final class Text {
    private Text() {}

    /** Java whitespace plus the no-break spaces and NEL, as Python's {@code str.isspace()}. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** Scripts written without spaces between words: Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar. */
    static boolean isUnspaced(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }

    static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Whitespace-separated tokens. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isSpace(cp)) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** Lower-cased runs of letters, digits and combining marks. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        String lower = lower(s);
        int start = -1;
        int i = 0;
        while (i < lower.length()) {
            int cp = lower.codePointAt(i);
            if (isWordChar(cp)) {
                start = start < 0 ? i : start;
            } else if (start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(lower.substring(start));
        }
        return out;
    }

    /**
     * How informative a text is, in words: one per token with a letter or digit, except that a token in a script
     * without spaces counts one word per two such characters ("富士山と桜の風景" is four).
     */
    static int units(String s) {
        int units = 0;
        for (String token : tokens(s)) {
            int unspaced = 0;
            boolean wordChar = false;
            for (int i = 0; i < token.length(); ) {
                int cp = token.codePointAt(i);
                unspaced += isUnspaced(cp) ? 1 : 0;
                wordChar |= Character.isLetterOrDigit(cp);
                i += Character.charCount(cp);
            }
            units += unspaced > 0 ? Math.max(1, unspaced / 2) : (wordChar ? 1 : 0);
        }
        return units;
    }

    /** A comparison key for a token: lower-cased, punctuation trimmed from both ends. */
    static String key(String token) {
        int begin = 0;
        int end = token.length();
        while (begin < end && !isWordChar(token.codePointAt(begin))) {
            begin += Character.charCount(token.codePointAt(begin));
        }
        while (end > begin && !isWordChar(token.codePointBefore(end))) {
            end -= Character.charCount(token.codePointBefore(end));
        }
        return lower(token.substring(begin, end));
    }

    /** The token without opening quotes and brackets before it and closing punctuation after it. */
    static String core(String token) {
        int begin = 0;
        int end = token.length();
        while (begin < end && "\"'([{«“‘„".indexOf(token.charAt(begin)) >= 0) {
            begin++;
        }
        while (end > begin && "\"')]}.,;:!?»”’".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(begin, end);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** At most {@code max} chars, never splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
