package dev.refinery.rewriter.rules;

import java.util.regex.Pattern;

/**
 * Whitespace and punctuation spacing. {@link #normalize} turns every Unicode space and control character into one
 * ASCII space and drops invisible junk (zero-width space, word joiner, BOM, soft hyphen) and unpaired surrogates,
 * which no UTF-8 encoder can write; zero-width joiners, which emoji sequences and Indic scripts need, stay.
 * {@link #tidy} fixes what removals leave behind: spaces before commas, full stops and closing brackets (not before
 * "!?:;", which French typography spaces), empty brackets, doubled separators, and separators and dangling labels
 * ("contact:") at either end.
 */
final class Spacing {
    private static final Pattern SPACE_BEFORE = Pattern.compile(" +(?=[,.)\\]}、。，！？；：])");
    private static final Pattern SPACE_AFTER = Pattern.compile("(?<=[(\\[{]) +");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\( *[,;:/|-]* *\\)|\\[ *[,;:/|-]* *]|\\{ *}");
    /** Character classes only, no repeated groups: Java's regex engine recurses on those, per repetition. */
    private static final Pattern DOUBLE_SEPARATOR =
            Pattern.compile(" *[|–—/·•-][ |–—/·•-]*[|–—/·•-] +| *,[ ,;]*[,;] *| *;[ ;]*; *");

    private static final String LEADING = " |–—/·•,;:_-";
    private static final String TRAILING = " |–—/·•,;:_([-";
    /** Three or more of the same separator ("-----", "|||"); collapsed first, so that later patterns see short runs. */
    private static final Pattern SEPARATOR_RUN = Pattern.compile("([|–—/·•_-])\\1{2,}");
    /** A label ("contact:", "Email:") left without its value after a separator or a sentence end. */
    private static final Pattern DANGLING_LABEL =
            Pattern.compile("(?: +[|–—/·•-] +|, *| *; *|(?<=[.!?]) +)\\p{L}[\\p{L} ]{0,24}:$");

    private Spacing() {}

    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD || (cp >= 0xD800 && cp <= 0xDFFF)) {
                continue;
            }
            if (Text.isSpace(cp) || Character.getType(cp) == Character.CONTROL) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.appendCodePoint(cp);
                space = false;
            }
        }
        return out.toString().strip();
    }

    static String tidy(String s) {
        String t = SEPARATOR_RUN.matcher(normalize(s)).replaceAll("$1");
        t = SPACE_BEFORE.matcher(t).replaceAll("");
        t = SPACE_AFTER.matcher(t).replaceAll("");
        t = EMPTY_BRACKETS.matcher(t).replaceAll(" ");
        t = DOUBLE_SEPARATOR.matcher(normalize(t)).replaceAll(m -> separator(m.group()));
        t = DANGLING_LABEL.matcher(t).replaceAll("");
        t = trimLeading(t);
        int end = t.length();
        while (end > 0 && TRAILING.indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end);
    }

    /** Without leading separators; a minus sign before a digit ("-5°C") stays. */
    private static String trimLeading(String s) {
        int i = 0;
        while (i < s.length()
                && LEADING.indexOf(s.charAt(i)) >= 0
                && !(s.charAt(i) == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
            i++;
        }
        return s.substring(i);
    }

    /** The first separator of a run, spaced as it was: " - | " gives " - ", ", , " gives ", ". */
    private static String separator(String run) {
        String trimmed = run.strip();
        char first = trimmed.charAt(0);
        return first == ',' || first == ';' ? first + " " : " " + first + " ";
    }
}
