package dev.refinery.cli.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metric names in a PromQL expression (or a Grafana {@code label_values(...)} variable query): identifiers that are
 * neither functions, aggregations (followed by a parenthesis), keywords, label names (inside {@code {...}} or a
 * {@code by (...)} clause), strings nor durations.
 */
final class PromQl {
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$");
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan",
            "atan2");

    private PromQl() {}

    static Set<String> metricNames(String expression) {
        Matcher variable = LABEL_VALUES.matcher(expression);
        String expr = variable.matches() ? variable.group(1) : expression;
        expr = STRINGS.matcher(expr).replaceAll(" ");
        expr = MATCHERS.matcher(expr).replaceAll(" ");
        expr = RANGES.matcher(expr).replaceAll(" ");
        expr = GROUPING.matcher(expr).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(expr);
        while (m.find()) {
            String rest = expr.substring(m.end()).stripLeading();
            if (!rest.startsWith("(") && !KEYWORDS.contains(m.group().toLowerCase(java.util.Locale.ROOT))) {
                names.add(m.group());
            }
        }
        return names;
    }
}
