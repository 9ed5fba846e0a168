package dev.refinery.ingest.download;

import dev.refinery.ingest.validate.RejectedInputException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns URL strings as the web writes them (crawled {@code src} attributes, {@code Location} headers) into
 * {@link URI}s the way browsers read them: surrounding whitespace and embedded tabs and newlines go, characters that
 * {@code java.net.URI} rejects (spaces, non-ASCII, {@code | ^ [ ] \{ \}}, stray {@code %}) are percent-encoded,
 * backslashes in the path become slashes, internationalised host names become punycode, fragments are dropped.
 */
public final class WebUrls {
    /** Longest URL accepted; longer ones are almost always data URIs or garbage. */
    public static final int MAX_LENGTH = 8_192;

    private static final Pattern ABSOLUTE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?\\\\]*)(.*)$");
    private static final Pattern TABS_AND_NEWLINES = Pattern.compile("[\\t\\r\\n]");
    private static final String ALLOWED = "-._~:/?@!$&'()*+,;=";
    private static final String HEX = "0123456789ABCDEF";

    private WebUrls() {}

    /**
     * Parses an absolute URL.
     *
     * @throws RejectedInputException {@code download.invalid_url} when it cannot be made a valid absolute URI
     */
    public static URI parse(String url) throws RejectedInputException {
        String s = clean(url);
        Matcher m = ABSOLUTE.matcher(s);
        if (!m.matches()) {
            throw invalid("not an absolute URL", s);
        }
        return toUri(m.group(1) + "://" + authority(m.group(2), s) + escape(m.group(3)), s);
    }

    /**
     * Resolves a {@code Location} header (absolute, protocol-relative, absolute-path, relative or query-only) against
     * the URL that answered with it, per RFC 3986.
     *
     * @throws RejectedInputException {@code download.invalid_url} when it cannot be made a valid URI
     */
    public static URI resolve(URI base, String location) throws RejectedInputException {
        String s = clean(location);
        if (ABSOLUTE.matcher(s).matches()) {
            return parse(s);
        }
        if (s.startsWith("//") || s.startsWith("\\\\")) {
            return parse(base.getScheme() + ":" + s.replace('\\', '/'));
        }
        String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        if (s.startsWith("?")) { // URI.resolve() follows RFC 2396 here and would drop the last path segment
            return toUri(base.getScheme() + "://" + base.getRawAuthority() + path + escape(s), s);
        }
        // with an empty base path URI.resolve() would glue the reference to the host: http://a.com + x -> http://a.comx
        URI from = path.equals(base.getRawPath()) ? base : base.resolve("/");
        return from.resolve(toUri(escape(s), s));
    }

    private static String clean(String url) throws RejectedInputException {
        if (url == null || url.isBlank()) {
            throw invalid("empty URL", "");
        }
        String s = TABS_AND_NEWLINES.matcher(url.strip()).replaceAll("");
        int hash = s.indexOf('#');
        s = hash < 0 ? s : s.substring(0, hash);
        if (s.length() > MAX_LENGTH) {
            throw invalid("URL longer than " + MAX_LENGTH + " characters", s);
        }
        if (s.isEmpty()) {
            throw invalid("URL is only a fragment", url.strip());
        }
        return s;
    }

    private static String authority(String authority, String url) throws RejectedInputException {
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : escape(authority.substring(0, at + 1));
        String hostPort = authority.substring(at + 1);
        if (hostPort.startsWith("[") || hostPort.chars().allMatch(c -> c < 0x80)) {
            return userInfo + hostPort;
        }
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "" : hostPort.substring(colon);
        try {
            return userInfo + IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + port;
        } catch (IllegalArgumentException e) {
            throw invalid("invalid internationalised host name", url);
        }
    }

    /** Percent-encodes what URI rejects; backslashes before the query become slashes, as in browsers. */
    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        boolean inQuery = false;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            inQuery |= c == '?';
            boolean keep = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || (c < 0x80 && ALLOWED.indexOf(c) >= 0)
                    || (c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
            if (c == '\\' && !inQuery) {
                out.append('/');
            } else if (keep) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return HEX.indexOf(Character.toUpperCase(b)) >= 0;
    }

    private static URI toUri(String escaped, String original) throws RejectedInputException {
        try {
            return new URI(escaped);
        } catch (URISyntaxException e) {
            throw invalid("unparsable URL (" + e.getReason() + ")", original);
        }
    }

    private static RejectedInputException invalid(String what, String url) {
        String shown = url.length() <= 300 ? url : url.substring(0, 300) + "...";
        return new RejectedInputException(DownloadReasons.INVALID_URL, what + ": " + shown);
    }
}
