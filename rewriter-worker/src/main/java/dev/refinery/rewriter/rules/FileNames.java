package dev.refinery.rewriter.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes file names and camera or device names, and turns file-name slugs into words.
 *
 * <ul>
 *   <li>Whole phrases: "Screen Shot 2019-06-12 at 3.04.12 PM", "Screenshot_20190612-153012_Chrome", "WhatsApp Image
 *       2021-03-04 at 18.22.10".
 *   <li>A token that is a camera name ({@code IMG_0042}, {@code DSC01234}, {@code P1010001}, {@code image001},
 *       {@code photo-123456}, {@code 20190612_153012}, Flickr's {@code 1234567_abcdef_o}, hex hashes, UUIDs), with or
 *       without an image extension, goes, and so does a copy counter "(2)" after it.
 *   <li>A token with an image extension whose stem has words keeps the words: "golden-retriever-puppy.jpg" gives
 *       "golden retriever puppy", "night.jpg" gives "night". WordPress size and edit suffixes ("-1024x768",
 *       "-scaled", "-e1612345678901") and long numbers in such stems go. A stem without letters goes.
 *   <li>A dangling extension (".jpg", "JPEG", "png") goes. "GIF" alone stays: "funny cat GIF" says what it is.
 *   <li>Slugs: a token with an underscore is a slug anywhere ("red_sports_car", "beach_holiday_IMG_2231"); hyphens
 *       split words only when the whole caption is one token with at least two of them ("red-sports-car"), so
 *       "T-shirt" and "covid-19" stay. Camera names inside slugs go too.
 * </ul>
 */
final class FileNames {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String EXTENSION = "\\.(?:jpe?g|jpe|jfif|pjpeg|png|apng|gif|webp|bmp|tiff?|svg|heic|heif"
            + "|avif|ico|psd|raw|cr2|nef|arw|dng)(?:[?#]\\S*)?";
    private static final Pattern PHRASE = Pattern.compile(
            "(?:screen ?shot|bildschirmfoto|captura de pantalla|снимок экрана)[ _-]?\\d{4}-?\\d{2}-?\\d{2}[\\w.-]*"
                    + "(?: (?:at|um|a las?|à) \\d{1,2}[.:]\\d{2}(?:[.:]\\d{2})?(?: ?[ap]\\.?m\\.?)?)?(?: ?\\(\\d{1,3}\\))?"
                    + "|whatsapp (?:image|video) \\d{4}-\\d{2}-\\d{2} at \\d{1,2}\\.\\d{2}\\.\\d{2}(?: ?\\(\\d{1,3}\\))?",
            FLAGS);
    private static final String CAMERA_WORD = "(?:img|dsc[nfi]?|_dsc|_mg|cimg|sam|hpim|pict|imag|mvimg|pxl|vid|gopr"
            + "|gp|dji|fb_img|imgp|sdc|kimg|photo|pic|picture|image|scan|dcim|wp|foto|bild|screenshot|snapshot|capture"
            + "|shutterstock|istock(?:photo)?|gettyimages|adobestock|depositphotos|dreamstime|alamy|123rf"
            + "|bigstock(?:photo)?|fotolia|unsplash)";
    private static final Pattern CAMERA_PREFIX = Pattern.compile(CAMERA_WORD, FLAGS);
    /** A hyphen continues a camera name only before a short code with a digit ("-WA0001", "-153012_Chrome"). */
    private static final Pattern CAMERA = Pattern.compile(
            CAMERA_WORD + "[_-]?\\d{3,}[\\w~]*(?:-[a-z]{0,3}\\d[\\w~]*)*"
                    + "|p\\d{7}[\\w-]*|1\\d{2}[_-]\\d{4}|\\d{8}[_-]\\d{6}[\\w~-]*|\\d{4,}_[0-9a-f]{6,}(?:_[a-z0-9]{1,2}){0,2}"
                    + "|[0-9a-f]{16,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            FLAGS);

    private static final Pattern WITH_EXTENSION = Pattern.compile("(.*?)" + EXTENSION, FLAGS);
    private static final Pattern DANGLING =
            Pattern.compile("\\.(?:jpe?g|png|gif|webp|bmp|tiff?|heic)|jpe?g|png|webp", FLAGS);
    private static final Pattern COPY = Pattern.compile("\\(\\d{1,3}\\)");
    private static final Pattern STEM_JUNK = Pattern.compile("\\d+x\\d+|scaled|e\\d{9,}|\\d{5,}", FLAGS);
    private static final int MAX_NAME_CHARS = 260;
    private static final Pattern DIGITS = Pattern.compile("\\d{3,}");
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*[\\p{L}\\p{N}]");

    private FileNames() {}

    static String remove(String s) {
        String t = PHRASE.matcher(s).replaceAll(" ");
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        for (String token : Text.tokens(t)) {
            if (dropped && COPY.matcher(token).matches()) {
                continue;
            }
            String words = token(token);
            dropped = words.isEmpty();
            if (!dropped) {
                kept.add(words);
            }
        }
        String joined = String.join(" ", kept);
        return isSlug(joined) ? slugWords(joined) : joined;
    }

    /** The token itself, its stem as words, or empty when it is a camera name or a dangling extension. */
    private static String token(String token) {
        String core = Text.core(token);
        if (core.isEmpty() || core.length() > MAX_NAME_CHARS) {
            return token;
        }
        if (DANGLING.matcher(core).matches() || CAMERA.matcher(core).matches()) {
            return "";
        }
        Matcher file = WITH_EXTENSION.matcher(core);
        if (!file.matches()) {
            return core.indexOf('_') < 0 || !hasLetter(core) ? token : replaceCore(token, core, slugWords(core));
        }
        String stem = file.group(1);
        String words = stem.isEmpty() || CAMERA.matcher(stem).matches() || !hasLetter(stem) ? "" : slugWords(stem);
        return words.isEmpty() ? "" : replaceCore(token, core, words);
    }

    private static String replaceCore(String token, String core, String words) {
        int at = token.indexOf(core);
        return token.substring(0, at) + words + token.substring(at + core.length());
    }

    /** Slug parts joined by spaces, without camera names ("IMG_2231"), WordPress size/edit suffixes or long numbers. */
    static String slugWords(String slug) {
        String[] parts = slug.split("[_.+\\-\\s]+");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean camera = CAMERA_PREFIX.matcher(part).matches()
                    && i + 1 < parts.length
                    && DIGITS.matcher(parts[i + 1]).matches();
            if (camera) {
                i++;
            } else if (!part.isEmpty()
                    && !STEM_JUNK.matcher(part).matches()
                    && !CAMERA.matcher(part).matches()) {
                words.add(part);
            }
        }
        return String.join(" ", words);
    }

    /** One token of letters and digits joined by at least two hyphens or underscores. */
    private static boolean isSlug(String s) {
        long separators = s.chars().filter(c -> c == '-' || c == '_').count();
        return separators >= 2 && SLUG.matcher(s).matches() && hasLetter(s);
    }

    private static boolean hasLetter(String s) {
        return s.codePoints().anyMatch(Character::isLetter);
    }
}
