package dev.refinery.rewriter.rules;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Boilerplate phrases as a whole caption, a prefix or a suffix. In order: credits ({@link Credits}), stock-photo runs
 * at either end ({@link StockRuns}), a leading "click to enlarge" or "thumbnail image for", a leading "image of" /
 * "photo of" / "picture of" (also "a photo of", "stock image of", "foto de", "Bild von") or a label ("Photo:",
 * "Image:"), whose rest is kept; a caption that is generic as a whole ({@link GenericCaptions}) becomes empty, and
 * generic segments at either end go ("Wedding dress - Image 3 of 12", "Thumbnail | Red dress"). "Photo of the day"
 * is not a prefix.
 */
final class Boilerplate {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern CLICK = Pattern.compile(
            "^(?:(?:click|tap)(?: (?:here|on (?:the )?image))?"
                    + " (?:to|for) (?:enlarge|zoom(?: in)?|view(?: (?:larger|full size))?(?: image)?|(?:a )?larger"
                    + " (?:image|version|view)|full size)(?: image)?|zum vergrößern klicken|cliquez pour agrandir"
                    + "|(?:haz )?clic para ampliar|thumbnail(?: image)? (?:for|of))(?: ?[:|.»>–—-] ?| )",
            FLAGS);
    private static final Pattern OF_PREFIX = Pattern.compile(
            "^(?:(?:a|an|the) )?(?:(?:stock|hd|free) )?"
                    + "(?:image|photo|photograph|picture|pic|foto|fotografía|imagen|bild|immagine)"
                    + "(?: (?:of|showing|depicting|de|del|von|di)(?! the (?:day|week|month|year)\\b)(?: ?:)?"
                    + "| ?:)(?: |$)",
            FLAGS);
    private static final Pattern SEGMENT_SEPARATOR = Pattern.compile(" (?:[|–—·•]|-) ");

    private Boilerplate() {}

    static String remove(String s) {
        String t = Credits.remove(s).strip();
        t = StockRuns.remove(t);
        t = CLICK.matcher(t).replaceFirst("");
        t = OF_PREFIX.matcher(t).replaceFirst("");
        return GenericCaptions.matches(t) ? "" : dropGenericSegments(t);
    }

    /** Without generic segments at either end: "Wedding dress - Image 3 of 12" gives "Wedding dress". */
    private static String dropGenericSegments(String s) {
        List<MatchResult> separators = SEGMENT_SEPARATOR.matcher(s).results().toList();
        if (separators.isEmpty()) {
            return s;
        }
        int from = 0;
        int to = separators.size();
        while (from < to && GenericCaptions.matches(segment(s, separators, from))) {
            from++;
        }
        while (to > from && GenericCaptions.matches(segment(s, separators, to))) {
            to--;
        }
        return s.substring(begin(separators, from), end(s, separators, to));
    }

    private static String segment(String s, List<MatchResult> separators, int i) {
        return s.substring(begin(separators, i), end(s, separators, i));
    }

    /** Where segment {@code i} begins: after separator {@code i - 1}. */
    private static int begin(List<MatchResult> separators, int i) {
        return i == 0 ? 0 : separators.get(i - 1).end();
    }

    /** Where segment {@code i} ends: before separator {@code i}. */
    private static int end(String s, List<MatchResult> separators, int i) {
        return i == separators.size() ? s.length() : separators.get(i).start();
    }
}
