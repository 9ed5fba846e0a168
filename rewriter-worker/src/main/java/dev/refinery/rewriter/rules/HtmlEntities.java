package dev.refinery.rewriter.rules;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes HTML character references: numeric ({@code &#39;}, {@code &#x26;}) and the named ones crawled alt text
 * carries (punctuation, spaces, symbols and the Latin letters with grave, acute, circumflex, tilde, umlaut, ring and
 * cedilla, e.g. {@code &eacute;}). The semicolon may be missing after {@code amp, lt, gt, quot, nbsp, copy, reg}, as
 * browsers allow. Unknown names stay as they are;
 * numeric references to NUL, surrogates or beyond U+10FFFF are dropped.
 */
final class HtmlEntities {
    private static final Pattern REFERENCE =
            Pattern.compile("&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z][a-zA-Z0-9]{1,15}))(;?)");
    /** Names browsers decode without the semicolon; others ("&star", "&check") need it, being English words. */
    private static final Set<String> LEGACY = Set.of("amp", "lt", "gt", "quot", "nbsp", "copy", "reg");

    private static final Map<String, String> NAMED = named();

    private HtmlEntities() {}

    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = REFERENCE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replacement(Matcher m) {
        if (m.group(3) != null) {
            String value = NAMED.get(m.group(3));
            boolean terminated = !m.group(4).isEmpty() || LEGACY.contains(m.group(3));
            return value == null || !terminated ? m.group() : value;
        }
        int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
        boolean valid = cp > 0 && Character.isValidCodePoint(cp) && (cp < 0xD800 || cp > 0xDFFF);
        return valid ? Character.toString(cp) : "";
    }

    private static Map<String, String> named() {
        Map<String, String> map = new HashMap<>();
        String[] pairs = {
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0", "ensp", " ", "emsp", " ",
            "thinsp", " ", "ndash", "–", "mdash", "—", "lsquo", "‘", "rsquo", "’", "sbquo", "‚", "ldquo", "“", "rdquo",
            "”", "bdquo", "„", "laquo", "«", "raquo", "»", "lsaquo", "‹", "rsaquo", "›", "hellip", "…", "bull", "•",
            "middot", "·", "copy", "©", "reg", "®", "trade", "™", "deg", "°", "plusmn", "±", "times", "×", "divide",
            "÷", "frac12", "½", "frac14", "¼", "frac34", "¾", "sup2", "²", "sup3", "³", "micro", "µ", "para", "¶",
            "sect", "§", "euro", "€", "pound", "£", "yen", "¥", "cent", "¢", "iexcl", "¡", "iquest", "¿", "shy",
            "\u00ad", "zwnj", "\u200c", "zwj", "\u200d", "lrm", "\u200e", "rlm", "\u200f", "szlig", "ß", "aelig", "æ",
            "AElig", "Æ", "oslash", "ø", "Oslash", "Ø", "eth", "ð", "ETH", "Ð", "thorn", "þ", "THORN", "Þ", "oelig",
            "œ", "OElig", "Œ", "ordf", "ª", "ordm", "º", "prime", "′", "Prime", "″", "larr", "←", "rarr", "→", "hearts",
            "♥", "star", "☆", "check", "✓"
        };
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        String[][] accents = {
            {"grave", "\u0300", "aeiou"}, {"acute", "\u0301", "aeiouycnsz"}, {"circ", "\u0302", "aeiou"},
            {"tilde", "\u0303", "aon"}, {"uml", "\u0308", "aeiouy"}, {"ring", "\u030a", "au"},
            {"cedil", "\u0327", "cs"}, {"caron", "\u030c", "cenrsz"}
        };
        for (String[] accent : accents) {
            for (char base : accent[2].toCharArray()) {
                for (String letter : new String[] {String.valueOf(base), String.valueOf(Character.toUpperCase(base))}) {
                    String composed = Normalizer.normalize(letter + accent[1], Normalizer.Form.NFC);
                    if (composed.length() == 1) {
                        map.put(letter + accent[0], composed);
                    }
                }
            }
        }
        return Map.copyOf(map);
    }
}
