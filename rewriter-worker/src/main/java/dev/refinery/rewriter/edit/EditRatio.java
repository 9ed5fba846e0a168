package dev.refinery.rewriter.edit;

import java.util.List;

/**
 * How much of a caption a rewrite changed: the Levenshtein distance between the two word-token sequences divided by
 * the longer sequence's length, in {@code [0, 1]}.
 *
 * <ul>
 *   <li>Tokens are those of {@link WordTokens}: runs of non-space code points (Unicode whitespace, no-break spaces
 *       included), with every Han, Hiragana or Katakana code point a token of its own, so CJK captions, which have no
 *       spaces, are measured per character. Punctuation stays attached to its word: {@code car} and {@code car.}
 *       differ.
 *   <li>Tokens compare case-insensitively ({@link java.util.Locale#ROOT}): a casing-only fix ("RED CAR" to "Red car")
 *       has ratio 0.
 *   <li>Two empty (or blank) texts have ratio 0; an empty text against a non-empty one has ratio 1.
 *   <li>The common leading and trailing tokens are skipped first, so a small edit in a huge caption is exact. When the
 *       differing middles are still longer than {@link #MAX_TOKENS}, only their first {@code MAX_TOKENS} tokens go
 *       through the {@code O(n*m)} table and every token after that counts as changed: the ratio is then an upper
 *       bound, and the work stays bounded at {@code MAX_TOKENS^2} steps whatever the input.
 * </ul>
 */
public final class EditRatio {
    /** The longest token sequences that go through the quadratic table. */
    public static final int MAX_TOKENS = 2_000;

    private EditRatio() {}

    /** The edit ratio between {@code original} and {@code rewrite}; null counts as empty. */
    public static double of(String original, String rewrite) {
        List<String> a = WordTokens.of(original);
        List<String> b = WordTokens.of(rewrite);
        int longest = Math.max(a.size(), b.size());
        if (longest == 0) {
            return 0.0;
        }
        return Math.min(1.0, (double) distance(a, b) / longest);
    }

    /**
     * The token-level Levenshtein distance, exact when the differing middles have at most {@link #MAX_TOKENS} tokens
     * each, an upper bound otherwise.
     */
    public static int distance(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int prefix = 0;
        while (prefix < n && prefix < m && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix
                && suffix < m - prefix
                && a.get(n - 1 - suffix).equals(b.get(m - 1 - suffix))) {
            suffix++;
        }
        List<String> x = a.subList(prefix, n - suffix);
        List<String> y = b.subList(prefix, m - suffix);
        List<String> xHead = x.subList(0, Math.min(x.size(), MAX_TOKENS));
        List<String> yHead = y.subList(0, Math.min(y.size(), MAX_TOKENS));
        int tail = Math.max(x.size() - xHead.size(), y.size() - yHead.size());
        return levenshtein(xHead, yHead) + tail;
    }

    /** Two-row dynamic programme: substitution, insertion and deletion all cost 1. */
    private static int levenshtein(List<String> x, List<String> y) {
        if (x.isEmpty() || y.isEmpty()) {
            return Math.max(x.size(), y.size());
        }
        int[] previous = new int[y.size() + 1];
        int[] current = new int[y.size() + 1];
        for (int j = 0; j <= y.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.size(); i++) {
            current[0] = i;
            String token = x.get(i - 1);
            for (int j = 1; j <= y.size(); j++) {
                int substitution = previous[j - 1] + (token.equals(y.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.size()];
    }
}
