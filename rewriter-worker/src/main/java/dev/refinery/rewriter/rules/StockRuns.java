package dev.refinery.rewriter.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes stock-photo boilerplate at either end of a caption, one separator-delimited stretch at a time: a run of
 * words from {@link #RUN_WORDS} that contains a {@link #STRONG} word and either has two or more words or names a stock
 * agency. So "Businessman holding a tablet | Shutterstock", "Red apple - stock photo", "... royalty free stock
 * photo", "... Getty Images", "... free download", "Stock Photo - Vintage typewriter" and "Vestido rojo - foto de
 * stock" lose their boilerplate, while "Beef stock" (one word, no agency) and "Old family photo" (nothing strong)
 * stay, and "Vintage car photo - Free Download" keeps its "photo". A leading run may end with "of" ("Royalty free
 * image of a cat" gives "a cat").
 */
final class StockRuns {
    static final Set<String> AGENCIES = Set.of(
            "alamy",
            "shutterstock",
            "gettyimages",
            "istock",
            "istockphoto",
            "dreamstime",
            "depositphotos",
            "123rf",
            "pixabay",
            "unsplash",
            "pexels",
            "fotolia",
            "bigstock",
            "bigstockphoto",
            "stocksy",
            "canstock",
            "canstockphoto",
            "vecteezy",
            "freepik");
    private static final Set<String> STRONG = union(
            AGENCIES,
            Set.of(
                    "stock",
                    "royalty",
                    "royalty-free",
                    "download",
                    "downloads",
                    "getty",
                    "stockfoto",
                    "stockfotos",
                    "stockbild",
                    "stockbilder",
                    "archivo",
                    "lizenzfrei",
                    "stockphoto"));
    private static final Set<String> RUN_WORDS = union(
            STRONG,
            Set.of(
                    "photo",
                    "photos",
                    "photograph",
                    "photography",
                    "image",
                    "images",
                    "picture",
                    "pictures",
                    "pic",
                    "pics",
                    "free",
                    "hd",
                    "premium",
                    "editorial",
                    "foto",
                    "fotos",
                    "de",
                    "imagen",
                    "imágenes",
                    "bild",
                    "bilder",
                    "adobe",
                    "vector",
                    "vectors",
                    "illustration",
                    "illustrations",
                    "and",
                    "high",
                    "resolution",
                    "res"));
    private static final Set<String> LEAD_END = Set.of("of", "de", "von");

    private StockRuns() {}

    static String remove(String s) {
        List<String> tokens = Text.tokens(s);
        int end = tokens.size();
        while (true) {
            int cut = end;
            while (cut > 0 && inRun(tokens.get(cut - 1)) && !isSeparator(tokens.get(cut - 1))) {
                cut--;
            }
            if (!removable(tokens.subList(cut, end))) {
                break;
            }
            end = cut;
            while (end > 0 && isSeparator(tokens.get(end - 1))) {
                end--;
            }
        }
        int start = 0;
        while (true) {
            int cut = start;
            while (cut < end && inRun(tokens.get(cut)) && !isSeparator(tokens.get(cut))) {
                cut++;
            }
            if (!removable(tokens.subList(start, cut))) {
                break;
            }
            start = cut;
            if (start < end && LEAD_END.contains(Text.key(tokens.get(start)))) {
                start++;
                break;
            }
            while (start < end && isSeparator(tokens.get(start))) {
                start++;
            }
        }
        if (start == 0 && end == tokens.size()) {
            return s;
        }
        return String.join(" ", tokens.subList(start, Math.max(start, end)));
    }

    private static boolean isSeparator(String token) {
        return !Text.hasLetterOrDigit(token);
    }

    private static boolean inRun(String token) {
        return isSeparator(token) || RUN_WORDS.contains(Text.key(token));
    }

    private static boolean removable(List<String> run) {
        int words = 0;
        boolean strong = false;
        boolean agency = false;
        for (String token : run) {
            String key = Text.key(token);
            if (!key.isEmpty()) {
                words++;
                strong |= STRONG.contains(key);
                agency |= AGENCIES.contains(key);
            }
        }
        return strong && (words >= 2 || agency);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Set.copyOf(Stream.concat(a.stream(), b.stream()).toList());
    }
}
