package dev.refinery.ingest.download;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code X-Robots-Tag} headers the way img2dataset does, a little more leniently: each header holds
 * comma-separated directives, optionally scoped to one crawler by a {@code token:} prefix that holds until the next
 * prefix ({@code otherbot: noindex, noai} applies to {@code otherbot} only). Unscoped directives and those for {@code *}
 * or our own token apply to us. Matching ignores case, and directives may also be separated by semicolons or spaces.
 */
final class RobotsTag {
    private static final Set<String> AI_DIRECTIVES = Set.of("noai", "noimageai");
    /** Directives that take a value after a colon; their name is not a crawler token. */
    private static final Set<String> VALUED_DIRECTIVES =
            Set.of("unavailable_after", "max-snippet", "max-image-preview", "max-video-preview");

    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[,;]");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("\\s+");
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9_*.-]+");

    private RobotsTag() {}

    /** Whether any of the header values forbids AI use to a crawler named {@code ownToken} (lower case). */
    static boolean forbidsAi(List<String> headerValues, String ownToken) {
        for (String value : headerValues) {
            if (value != null && forbidsAi(value, ownToken)) {
                return true;
            }
        }
        return false;
    }

    private static boolean forbidsAi(String value, String ownToken) {
        String scope = null;
        for (String item : ITEM_SEPARATOR.split(value.toLowerCase(Locale.ROOT))) {
            String rest = item.strip();
            int colon = rest.indexOf(':');
            if (colon > 0) {
                String prefix = rest.substring(0, colon).strip();
                if (TOKEN.matcher(prefix).matches() && !VALUED_DIRECTIVES.contains(prefix)) {
                    scope = prefix;
                    rest = rest.substring(colon + 1);
                }
            }
            boolean appliesToUs = scope == null || scope.equals("*") || scope.equals(ownToken);
            if (appliesToUs) {
                for (String word : WORD_SEPARATOR.split(rest.strip())) {
                    if (AI_DIRECTIVES.contains(word)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Our token: the first word of the {@code User-Agent} ({@code Refinery/0.1 (...)} gives {@code refinery}). */
    static String tokenOf(String userAgent) {
        String lower = userAgent.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < lower.length() && "/ (;".indexOf(lower.charAt(end)) < 0) {
            end++;
        }
        return lower.substring(0, end);
    }
}
