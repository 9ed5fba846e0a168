package dev.refinery.scorer.signal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The pattern rules behind {@link BoilerplateSignal}; every method takes the stripped caption. */
final class BoilerplateRules {
    private static final String TAG = "</?(?:a|abbr|b|br|div|em|figure|figcaption|h[1-6]|hr|i|iframe|img|li|noscript"
            + "|p|picture|script|source|span|strong|style|svg|table|td|tr|u|ul)(?=[\\s/>]|$)";
    private static final String ENTITY =
            "&(?:[a-z][a-z0-9]{1,7}|#[0-9]{1,7}|#x[0-9a-f]{1,6});|&(?:nbsp|amp|quot|lt|gt|apos)(?![a-z0-9])";
    private static final String ATTRIBUTE =
            "\\b(?:src|href|alt|title|class|style|width|height|srcset|data-src|onclick)\\s*=\\s*[\"']";
    private static final String TEMPLATE_OR_ESCAPE = "\\{\\{|}}|\\$\\{[^}]{0,80}}|<%|%>|\\[\\[|\\\\u[0-9a-f]{4}";
    private static final Pattern HTML =
            Pattern.compile(String.join("|", TAG, ENTITY, ATTRIBUTE, TEMPLATE_OR_ESCAPE), Pattern.CASE_INSENSITIVE);

    private static final List<String> URL_PREFIXES =
            List.of("http://", "https://", "ftp://", "file://", "www.", "//", "data:", "mailto:", "blob:");

    private static final Pattern DOMAIN_OR_PATH = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
            + "(?:com|net|org|info|biz|io|co|me|tv|xyz|app|dev|site|online|shop|store|blog|edu|gov|uk|de|fr|es|it|nl"
            + "|pl|ru|jp|cn|br|in|au|ca|us|eu|ch|at|be|se|no|dk|fi|cz|pt|gr|tr|ua|kr|tw|hk|vn|id|mx|ar|cl|za)"
            + "(?::\\d{1,5})?(?:[/?#]\\S*)?"
            + "|(?:/[^/\\s]+){2,}/?");

    private static final Pattern MEDIA_EXTENSION = Pattern.compile("\\.(?:jpe?g|jpe|jfif|pjpeg|png|apng|gif|webp|bmp"
            + "|tiff?|svg|heic|heif|avif|ico|psd|raw|cr2|nef|arw|dng|pdf|mp4|mov|avi|webm)(?:[?#]\\S*)?$");

    private static final String COPY = "(?: ?\\(\\d+\\)|~\\d+)?";
    private static final Pattern CAMERA = Pattern.compile("(?:(?:img|dsc[nf]?)[ _-]?\\d{3,}"
            + "|(?:image|_dsc|_mg|cimg|sam|hpim|pict|imag|mvimg|pxl|vid|gopr|dji|fb_img|wp|imgp|sdc|kimg|photo|pic"
            + "|scan|dcim)[_-]?\\d{3,}|gh\\d{6}|p[0-9a-c]\\d{6})[\\w.-]*" + COPY
            + "|(?:screenshot|screen ?shot|bildschirmfoto|captura de pantalla|capture d.écran|schermafbeelding"
            + "|zrzut ekranu|снимок экрана)(?:[ _-]?(?:\\d{4}|\\(\\d+\\)|(?:from|at|um|de|van|z|от) \\d).{0,60})?"
            + "|whatsapp (?:image|video) \\d{4}-\\d{2}-\\d{2}.{0,40}"
            + "|\\d{8}[_-]\\d{6}[\\w~-]*" + COPY
            + "|\\d{4}-\\d{2}-\\d{2}[ _]\\d{2}[.:-]\\d{2}[.:-]\\d{2}.{0,10}"
            + "|[0-9a-f]{24,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|unnamed" + COPY + "|(?:download|images|untitled)(?: ?\\(\\d+\\))"
            + "|[a-z]:\\\\.+");

    private static final Pattern DIMENSIONS = Pattern.compile("\\d+\\s*[x×]\\s*\\d+(?:\\s*px)?");

    private BoilerplateRules() {}

    static boolean html(String s) {
        return HTML.matcher(s).find();
    }

    /** {@code lower} is one token (no whitespace). */
    static boolean url(String lower) {
        for (String prefix : URL_PREFIXES) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                return true;
            }
        }
        return lower.length() <= 2048 && DOMAIN_OR_PATH.matcher(lower).matches();
    }

    static boolean fileName(String lower, int tokens) {
        return (tokens <= 6 && MEDIA_EXTENSION.matcher(lower).find())
                || CAMERA.matcher(lower).matches();
    }

    static boolean dimensions(String lower) {
        return DIMENSIONS.matcher(lower).matches();
    }

    /** Keyword stuffing: 4+ words with at most a third distinct, or one unit repeated 3+ times without spaces. */
    static boolean repeated(String lower, List<String> tokens) {
        Set<String> distinct = new HashSet<>();
        int words = 0;
        for (String token : tokens) {
            String word = trimNonWord(token);
            if (!word.isEmpty()) {
                distinct.add(word);
                words++;
            }
        }
        if (words >= 4 && distinct.size() * 3 <= words) {
            return true;
        }
        String compact = String.join("", tokens);
        return compact.length() >= 6 && periodic(compact);
    }

    /** Whether {@code s} is one unit repeated 3+ times; each candidate period stops at its first mismatch. */
    private static boolean periodic(String s) {
        int n = s.length();
        for (int period = 1; period <= n / 3; period++) {
            if (n % period != 0) {
                continue;
            }
            boolean repeats = true;
            for (int i = period; i < n && repeats; i++) {
                repeats = s.charAt(i) == s.charAt(i - period);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    private static String trimNonWord(String token) {
        int begin = 0;
        int end = token.length();
        while (begin < end && !Character.isLetterOrDigit(token.codePointAt(begin))) {
            begin += Character.charCount(token.codePointAt(begin));
        }
        while (end > begin && !Character.isLetterOrDigit(token.codePointBefore(end))) {
            end -= Character.charCount(token.codePointBefore(end));
        }
        return token.substring(begin, end);
    }
}
