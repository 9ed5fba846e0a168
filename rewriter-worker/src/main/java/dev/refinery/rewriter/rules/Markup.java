package dev.refinery.rewriter.rules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strips markup and decodes character references. A tag is {@code <name ...>} or {@code </name>} with a letter right
 * after the bracket, so "x < y" is text. Inline tags ({@code <b>}, {@code <a href=...>}, {@code <span>}) vanish; other
 * tags ({@code <br/>}, {@code <p>}, {@code <div>}) become a space. Comments and {@code <script>}/{@code <style>}
 * bodies go, and so does a tag cut off at the end of the text, and template leftovers ({@code {{ product.title }}},
 * {@code ${name}}). Decoding and stripping alternate (at most three rounds) so that escaped markup
 * ({@code &lt;b&gt;}) and double escaping ({@code &amp;amp;}) come out clean.
 */
final class Markup {
    private static final Pattern COMMENT = Pattern.compile("<!--.{0,2000}?-->", Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile(
            "<(script|style)\\b[^<>]{0,1000}>.{0,5000}?</\\1\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final String NAME = "[a-zA-Z][a-zA-Z0-9]{0,15}";
    private static final String ATTRIBUTES = "(?:[\\s/][^<>]{0,1000})?";
    private static final Pattern TAG =
            Pattern.compile("</?(" + NAME + ")" + ATTRIBUTES + ">|<" + NAME + ATTRIBUTES + "$");
    private static final Set<String> INLINE = Set.of(
            "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q",
            "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "nobr");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.{0,200}?}}|\\{%.{0,200}?%}|\\$\\{[^}]{0,80}}");
    private static final int ROUNDS = 3;

    private Markup() {}

    static String strip(String s) {
        String current = s;
        for (int round = 0; round < ROUNDS; round++) {
            String next = HtmlEntities.decode(stripTags(current));
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        String stripped = stripTags(current);
        return stripped.indexOf('{') < 0 ? stripped : TEMPLATE.matcher(stripped).replaceAll(" ");
    }

    private static String stripTags(String s) {
        if (s.indexOf('<') < 0) {
            return s;
        }
        String t = COMMENT.matcher(s).replaceAll(" ");
        t = SCRIPT.matcher(t).replaceAll(" ");
        Matcher m = TAG.matcher(t);
        StringBuilder out = new StringBuilder(t.length());
        while (m.find()) {
            String name = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            m.appendReplacement(out, INLINE.contains(name) ? "" : " ");
        }
        m.appendTail(out);
        return out.toString();
    }
}
