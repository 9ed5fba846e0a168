package dev.refinery.rewriter.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Casing. An ALL-CAPS caption (no lower-case letter, at least four upper-case ones, and more than four letters when it
 * is one word) becomes sentence case: every word is lower-cased ({@link java.util.Locale#ROOT}) except words with a
 * digit ("X5", "4K", "COVID-19"), known acronyms ({@link #ACRONYMS}: "USA", "NASA", "IKEA", "I"), vowel-less words of
 * two to four letters ("BMW", "CNN", "TV") and Roman numerals ("II", "XIV"); "MR", "DR", "ST" become "Mr", "Dr",
 * "St". Proper nouns in an ALL-CAPS caption cannot be told apart and end up lower-case ("golden gate bridge"). Mixed
 * case is never lower-cased. {@link #capitalizeFirst} upper-cases the first letter unless its word has an upper-case
 * letter elsewhere ("iPhone", "eBay") or starts with a digit ("3d printer").
 */
final class Casing {
    private static final Set<String> ACRONYMS = Set.of(
            "i", "usa", "nasa", "uk", "eu", "nato", "fifa", "uefa", "nyc", "nba", "nfl", "nhl", "mlb", "ufc", "wwe",
            "bbc", "cnn", "diy", "faq", "ceo", "led", "gps", "dna", "suv", "atv", "ufo", "ikea", "ai", "uv", "usb",
            "dvd", "oled", "amg", "gti", "nhs", "fbi", "cia", "lgbt", "abba", "ok", "nypd", "raf", "usaf", "ussr",
            "opec", "unesco", "unicef", "asap", "iou", "ny");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs");
    private static final Pattern VOWELLESS = Pattern.compile("[B-DF-HJ-NP-TV-XZ]{2,4}");
    private static final Pattern ROMAN = Pattern.compile("(?=[IVXLC]{2,6}$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})");

    private Casing() {}

    static boolean isAllCaps(String s) {
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLowerCase(cp)) {
                return false;
            }
            upper += Character.isUpperCase(cp) ? 1 : 0;
            letters += Character.isLetter(cp) ? 1 : 0;
        }
        return upper >= 4 && (s.indexOf(' ') > 0 || letters > 4);
    }

    static String sentenceCase(String s) {
        List<String> out = new ArrayList<>();
        for (String token : Text.tokens(s)) {
            String core = Text.key(token);
            if (token.codePoints().anyMatch(Character::isDigit) || keep(token)) {
                out.add(token);
            } else if (TITLES.contains(core)) {
                out.add(capitalizeFirst(Text.lower(token)));
            } else {
                out.add(Text.lower(token));
            }
        }
        return capitalizeFirst(String.join(" ", out));
    }

    private static boolean keep(String token) {
        String core = Text.core(token);
        return ACRONYMS.contains(Text.lower(core))
                || (VOWELLESS.matcher(core).matches() && !TITLES.contains(Text.lower(core)))
                || ROMAN.matcher(core).matches();
    }

    static String capitalizeFirst(String s) {
        int i = 0;
        while (i < s.length() && !Character.isLetterOrDigit(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        if (i >= s.length() || !Character.isLowerCase(s.codePointAt(i))) {
            return s;
        }
        int end = s.indexOf(' ', i);
        String word = s.substring(i, end < 0 ? s.length() : end);
        if (word.codePoints().anyMatch(Character::isUpperCase)) {
            return s;
        }
        int cp = s.codePointAt(i);
        String title = Character.toString(Character.toTitleCase(cp));
        return s.substring(0, i) + title + s.substring(i + Character.charCount(cp));
    }
}
