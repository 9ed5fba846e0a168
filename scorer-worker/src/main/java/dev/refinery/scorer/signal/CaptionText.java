package dev.refinery.scorer.signal;

import java.util.ArrayList;
import java.util.List;

/** Whitespace handling that matches Python's {@code str.split()} and {@code str.strip()}, as DataComp and LAION use. */
final class CaptionText {
    private CaptionText() {}

    /**
     * Python's {@code str.isspace()} for one code point: Java whitespace plus the no-break spaces (U+00A0, U+2007,
     * U+202F) and NEL (U+0085), which {@link Character#isWhitespace(int)} leaves out. Zero-width space is not a space.
     */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** The tokens of Python's {@code caption.split()}: runs of non-space code points. */
    static List<String> split(String s) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isSpace(cp)) {
                if (start >= 0) {
                    tokens.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(s.substring(start));
        }
        return tokens;
    }

    /** Python's {@code caption.strip()}. */
    static String strip(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && isSpace(s.codePointAt(begin))) {
            begin += Character.charCount(s.codePointAt(begin));
        }
        while (end > begin && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(begin, end);
    }

    /** Code points (Python's {@code len}), not UTF-16 units and not grapheme clusters. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static boolean hasLetter(String s) {
        return s.codePoints().anyMatch(Character::isLetter);
    }

    static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
