package dev.refinery.rewriter.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a photo credit or copyright notice from where it starts to the end of the caption (at most 120 chars), when
 * it starts the caption or follows a space, separator or bracket: "© John Smith 2019", "(c) Foo", "Copyright ...",
 * "All rights reserved", "Photo by Jane Doe on Unsplash", "Image courtesy of NASA", "Credit: ...", "Source: ...",
 * "(AP Photo/...)", "Image ID: 2ABC123". "Photo by" needs a capitalised name after it, so "Photo by the lake" stays.
 * "Photo:", "Foto:", "Bild:" and "Image:" are credits only after a sentence end or separator ("Snowy owl. Photo: Jane
 * Miller"); at the start of a caption they are labels, which {@link Boilerplate} drops, keeping the rest.
 */
final class Credits {
    private static final String WORK = "(?i:photo(?:graph)?s?|images?|pictures?|fotos?|bild(?:er)?)";
    private static final Pattern CREDIT = Pattern.compile("(?:^|(?<=[\\s,;|–—-]))[(\\[]?\\s*(?:"
            + "©|\\((?i:c)\\)|(?i:copyright)\\b|(?i:all rights reserved)"
            + "|" + WORK + "\\s+(?i:by)\\s+(?=[\\p{Lu}\\p{Lo}@])"
            + "|" + WORK + "\\s+(?i:credits?|courtesy(?:\\s+of)?|source|quelle|fuente)\\b"
            + "|(?i:courtesy\\s+of|credits?\\s*:|source\\s*:|quelle\\s*:|fuente\\s*:|via\\s+getty\\b)"
            + "|(?i:ap|afp|reuters|dpa|epa)\\s*(?i:photo)?\\s*/"
            + "|(?i:(?:stock\\s+)?(?:image|photo|picture)\\s+id)\\s*:?\\s*[\\w-]+\\s*$"
            + ")[^|]{0,120}$");
    private static final Pattern LABEL_CREDIT = Pattern.compile(
            "(?:(?<=[.!?])\\s+|\\s+[|–—/·•-]\\s+)(?i:photo|foto|bild|image|picture)\\s*:\\s*[^|]{1,120}$");

    private Credits() {}

    static String remove(String s) {
        String t = s;
        Matcher credit = CREDIT.matcher(t);
        if (credit.find()) {
            t = t.substring(0, credit.start());
        }
        Matcher label = LABEL_CREDIT.matcher(t);
        if (label.find()) {
            t = t.substring(0, label.start());
        }
        return t;
    }
}
