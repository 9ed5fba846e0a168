package dev.refinery.rewriter.rules;

import java.util.regex.Pattern;

/**
 * Removes URLs ({@code http://}, {@code https://}, {@code ftp://}, {@code www.}, {@code data:} and {@code mailto:}
 * URIs), e-mail addresses, a caption that is only a bare domain or site path ("amazon.co.uk",
 * "/wp-content/uploads/header.png") and a bare domain after a separator at the end ("Red dress | zara.com"). A bare
 * domain inside a sentence stays ("Amazon.com warehouse"). Punctuation right after a URL is kept.
 */
final class Links {
    private static final String TLD = "(?:com|net|org|info|biz|io|co|me|tv|xyz|app|dev|site|online|shop|store|blog|edu"
            + "|gov|uk|de|fr|es|it|nl|pl|ru|jp|cn|br|in|au|ca|us|eu|ch|at|be|se|no|dk|fi|cz|pt|gr|tr|ua|kr|tw|hk|vn"
            + "|id|mx|ar|cl|za)";
    private static final String DOMAIN = "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,6}" + TLD + "(?::\\d{1,5})?";
    /** Words that only make sense with the URL: "visit us at", "see", "for more info". */
    private static final String LEAD =
            "(?:\\b(?:visit(?: us)?(?: at| on)?|more at|available at|see|at|on|via|from)\\s+)?";

    private static final String TRAIL = "(?:\\s+for more(?: info(?:rmation)?| details)?\\b)?";
    private static final Pattern URL = Pattern.compile(
            LEAD + "(?<![\\w@])(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'()\\[\\]{}]{0,2000}[^\\s<>\"'()\\[\\]{}.,;:!?]"
                    + TRAIL
                    + "|(?:https?|ftp)://|\\b[a-z]:\\\\\\S{0,2000}"
                    + "|\\b(?:data:[a-z]+/[\\w.+-]+[;,]|mailto:)\\S{0,4000}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[\\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,5}\\.[a-z]{2,24}\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE =
            Pattern.compile(DOMAIN + "(?:[/?#]\\S{0,2000})?|(?:/[^/\\s]{1,200}){2,20}/?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_DOMAIN =
            Pattern.compile("\\s+[|–—·•-]\\s+(?:https?://)?" + DOMAIN + "/?$", Pattern.CASE_INSENSITIVE);

    private Links() {}

    static String remove(String s) {
        String t = URL.matcher(s).replaceAll(" ");
        if (t.indexOf('@') >= 0) {
            t = EMAIL.matcher(t).replaceAll(" ");
        }
        String stripped = t.strip();
        if (stripped.indexOf(' ') < 0 && BARE.matcher(stripped).matches()) {
            return "";
        }
        return TRAILING_DOMAIN.matcher(t).replaceAll("");
    }
}
