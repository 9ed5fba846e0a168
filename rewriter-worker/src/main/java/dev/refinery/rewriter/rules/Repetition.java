package dev.refinery.rewriter.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collapses keyword stuffing and repeated punctuation.
 *
 * <ul>
 *   <li>Punctuation: "!!!" gives "!", "???" gives "?", ",," gives ",", four or more dots give "...", and decorative
 *       runs ("***", "~~~", "===", "###") go.
 *   <li>Comma or semicolon lists lose repeated items, first occurrence kept: "shoes, shoes, shoes" gives "shoes",
 *       "hotel paris, hotel paris" gives "hotel paris".
 *   <li>A word or phrase of up to {@value #MAX_PHRASE} words repeated three or more times in a row is kept once: "red
 *       red red car" gives "red car", "cheap shoes cheap shoes cheap shoes" gives "cheap shoes". A pair stays ("Bora
 *       Bora", "Walla Walla"). Words compare case-insensitively without their punctuation; the first copy is kept.
 *   <li>A token in a script without spaces that is one unit of two or more characters repeated three or more times
 *       is kept once: "促销促销促销促销" gives "促销"; one repeated character ("哈哈哈") stays.
 * </ul>
 */
final class Repetition {
    private static final int MAX_PHRASE = 6;
    private static final int MIN_COPIES = 3;
    private static final Pattern PUNCTUATION = Pattern.compile("([!?,;！？])\\1+");
    private static final Pattern DOTS = Pattern.compile("\\.{4,}");
    private static final Pattern DECORATION = Pattern.compile("([*~=#])\\1+");
    private static final Pattern LIST_SEPARATOR = Pattern.compile(" *[,;](?!\\d) *");

    private Repetition() {}

    static String collapse(String s) {
        String t = PUNCTUATION.matcher(s).replaceAll("$1");
        t = DOTS.matcher(t).replaceAll("...");
        t = DECORATION.matcher(t).replaceAll(" ");
        t = dedupeList(t);
        return collapseRuns(Text.tokens(t));
    }

    private static String dedupeList(String s) {
        if (s.indexOf(',') < 0 && s.indexOf(';') < 0) {
            return s;
        }
        String[] items = LIST_SEPARATOR.split(s, -1);
        Set<String> seen = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (String item : items) {
            String key = Text.key(item);
            if (key.isEmpty() || seen.add(key)) {
                kept.add(item);
            }
        }
        if (kept.size() == items.length) {
            return s;
        }
        char separator = s.indexOf(',') >= 0 ? ',' : ';';
        return String.join(separator + " ", kept);
    }

    private static String collapseRuns(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        List<String> keys = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            out.add(periodicUnit(token));
            keys.add(Text.key(token));
        }
        for (int size = 1; size <= MAX_PHRASE; size++) {
            int i = 0;
            while (i + size * MIN_COPIES <= out.size()) {
                int copies = copies(keys, i, size);
                if (copies >= MIN_COPIES) {
                    out.subList(i + size, i + size * copies).clear();
                    keys.subList(i + size, i + size * copies).clear();
                }
                i++;
            }
        }
        return String.join(" ", out);
    }

    /** How many times the phrase of {@code size} words at {@code start} repeats in a row there. */
    private static int copies(List<String> keys, int start, int size) {
        if (keys.get(start).isEmpty()) {
            return 1;
        }
        int copies = 1;
        while (start + size * (copies + 1) <= keys.size()
                && keys.subList(start, start + size)
                        .equals(keys.subList(start + size * copies, start + size * (copies + 1)))) {
            copies++;
        }
        return copies;
    }

    private static String periodicUnit(String token) {
        int n = token.length();
        if (n < 6
                || n > 400
                || !Text.isUnspaced(token.codePointAt(0))
                || token.chars().distinct().count() == 1) {
            return token;
        }
        for (int period = 2; period <= n / MIN_COPIES; period++) {
            if (n % period == 0 && token.regionMatches(0, token, period, n - period)) {
                return token.substring(0, period);
            }
        }
        return token;
    }
}
