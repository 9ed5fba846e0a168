package dev.refinery.rewriter.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fills in a caption that the rules left empty or short from the page title and surrounding text, without a model.
 * See {@link RuleRewriter} for the rule; this class holds the mechanics.
 */
final class ContextMerge {
    static final List<String> TITLE_KEYS = List.of("title", "page_title");
    static final List<String> CONTEXT_KEYS = List.of("context", "surrounding_text");
    static final int MIN_UNITS = 3;
    static final int MAX_UNITS = 30;
    private static final Pattern SITE_SEPARATOR = Pattern.compile(" (?:[|–—·•»]|-|::) ");
    private static final Pattern COLON = Pattern.compile(": ");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。！？])\\s*");
    private static final int MAX_SENTENCES = 5;

    private ContextMerge() {}

    /** The caption to use for {@code description} (cleaned, short or empty), or {@code description} itself. */
    static String merge(String description, Map<String, String> metadata) {
        String core = longest(split(CaptionCleaner.clean(first(metadata, TITLE_KEYS)), SITE_SEPARATOR));
        List<String> sentences = sentences(CaptionCleaner.clean(first(metadata, CONTEXT_KEYS)));
        List<String> candidates = new ArrayList<>();
        if (description.isEmpty()) {
            candidates.add(core);
            candidates.addAll(sentences);
            return candidates.stream()
                    .filter(ContextMerge::informative)
                    .findFirst()
                    .map(ContextMerge::finish)
                    .orElse("");
        }
        candidates.addAll(split(core, COLON));
        candidates.add(core);
        candidates.addAll(sentences);
        String best = null;
        for (String candidate : candidates) {
            boolean shorter = best == null || Text.units(candidate) < Text.units(best);
            if (shorter && informative(candidate) && containsAll(candidate, description)) {
                best = candidate;
            }
        }
        return best == null ? description : finish(best);
    }

    private static boolean informative(String candidate) {
        int units = Text.units(candidate);
        return units >= MIN_UNITS && units <= MAX_UNITS;
    }

    /** Whether every word of {@code part} is a word of {@code whole}, or for unspaced scripts a substring of it. */
    static boolean containsAll(String whole, String part) {
        String lower = Text.lower(whole);
        Set<String> words = new HashSet<>(Text.words(lower));
        for (String word : Text.words(part)) {
            boolean found = Text.isUnspaced(word.codePointAt(0)) ? lower.contains(word) : words.contains(word);
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static String first(Map<String, String> metadata, List<String> keys) {
        for (String key : keys) {
            String value = metadata.get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static List<String> split(String text, Pattern separator) {
        List<String> out = new ArrayList<>();
        for (String part : separator.split(text)) {
            String tidy = Spacing.tidy(part);
            if (!tidy.isEmpty()) {
                out.add(tidy);
            }
        }
        return out;
    }

    private static List<String> sentences(String text) {
        List<String> out = split(text, SENTENCE_END);
        return out.subList(0, Math.min(out.size(), MAX_SENTENCES));
    }

    /** The segment with the most words; the first one on a tie. */
    private static String longest(List<String> segments) {
        String best = "";
        for (String segment : segments) {
            if (Text.units(segment) > Text.units(best)) {
                best = segment;
            }
        }
        return best;
    }

    private static String finish(String text) {
        return Casing.capitalizeFirst(Spacing.tidy(text));
    }
}
