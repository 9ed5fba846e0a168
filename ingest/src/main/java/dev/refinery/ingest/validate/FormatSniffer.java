package dev.refinery.ingest.validate;

import dev.refinery.schemas.ImageFormat;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Finds an image's real format from its magic bytes, never from a file name or content type, and explains refusals:
 * crawlers often get an HTML error page, a JSON error or gzip-encoded bytes where an image was announced.
 */
final class FormatSniffer {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int HEX_BYTES = 16;
    private static final int TEXT_PROBE = 64;
    private static final int PREVIEW_CHARS = 32;

    private FormatSniffer() {}

    /** The format whose signature {@code b} (non-empty) starts with. */
    static ImageFormat sniff(byte[] b) throws RejectedInputException {
        if (startsWith(b, JPEG, 0)) {
            return ImageFormat.JPEG;
        }
        if (startsWith(b, PNG, 0)) {
            return ImageFormat.PNG;
        }
        if (Bytes.ascii(b, 0, "GIF87a") || Bytes.ascii(b, 0, "GIF89a")) {
            return ImageFormat.GIF;
        }
        if (Bytes.ascii(b, 0, "RIFF") && Bytes.ascii(b, 8, "WEBP")) {
            return ImageFormat.WEBP;
        }
        if (isCutShortSignature(b)) {
            throw Bytes.truncated("only " + b.length + " bytes, the start of an image signature: "
                    + HexFormat.of().formatHex(b));
        }
        throw new RejectedInputException(RejectionReasons.IMAGE_UNSUPPORTED_FORMAT, unsupportedMessage(b));
    }

    private static boolean isCutShortSignature(byte[] b) {
        if (b.length < JPEG.length && prefixMatches(b, JPEG, 0)) {
            return true;
        }
        if (b.length < PNG.length && prefixMatches(b, PNG, 0)) {
            return true;
        }
        byte[] gif = {'G', 'I', 'F', '8', b.length > 4 ? b[4] : (byte) '7', 'a'};
        if (b.length < gif.length && (gif[4] == '7' || gif[4] == '9') && prefixMatches(b, gif, 0)) {
            return true;
        }
        return b.length < 12
                && prefixMatches(b, new byte[] {'R', 'I', 'F', 'F'}, 0)
                && prefixMatches(b, new byte[] {'W', 'E', 'B', 'P'}, 8);
    }

    static String unsupportedMessage(byte[] b) {
        String message = "not a JPEG, PNG, WebP or GIF: no known signature; first bytes "
                + HexFormat.of().formatHex(b, 0, Math.min(b.length, HEX_BYTES));
        String hint = hint(b);
        return hint.isEmpty() ? message : message + " (" + hint + ")";
    }

    private static String hint(byte[] b) {
        int start = startsWith(b, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0) ? 3 : 0;
        while (start < b.length && (b[start] == ' ' || b[start] == '\t' || b[start] == '\r' || b[start] == '\n')) {
            start++;
        }
        if (start < b.length && b[start] == '<') {
            String head = preview(b, start).toLowerCase(Locale.ROOT);
            String kind = head.startsWith("<?xml") || head.startsWith("<svg") ? "XML/SVG markup" : "HTML";
            return "looks like " + kind + ", e.g. an error or login page served as an image; starts with \""
                    + preview(b, start) + "\"";
        }
        if (isPrintableText(b)) {
            return "looks like text, not an image; starts with \"" + preview(b, 0) + "\"";
        }
        return knownOtherFormat(b);
    }

    private static String knownOtherFormat(byte[] b) {
        if (Bytes.ascii(b, 4, "ftyp")) {
            return "an ISO-BMFF file (AVIF, HEIC or video), which is not supported";
        }
        if (Bytes.ascii(b, 0, "II*\0") || Bytes.ascii(b, 0, "MM\0*")) {
            return "looks like TIFF, which is not supported";
        }
        if (Bytes.ascii(b, 0, "BM")) {
            return "looks like BMP, which is not supported";
        }
        if (Bytes.ascii(b, 0, "RIFF")) {
            return "a RIFF file that is not WebP";
        }
        if (Bytes.ascii(b, 0, "\0\0\1\0")) {
            return "looks like an ICO icon, which is not supported";
        }
        if (Bytes.ascii(b, 0, "%PDF")) {
            return "looks like PDF";
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, 0x0A}, 0) || Bytes.ascii(b, 4, "JXL ")) {
            return "looks like JPEG XL, which is not supported";
        }
        if (startsWith(b, new byte[] {0x1F, (byte) 0x8B}, 0)) {
            return "gzip-compressed data: was a Content-Encoding left undone?";
        }
        return "";
    }

    private static boolean isPrintableText(byte[] b) {
        int n = Math.min(b.length, TEXT_PROBE);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if ((c < 0x20 || c > 0x7E) && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Up to {@value #PREVIEW_CHARS} characters from {@code from}: printable ASCII kept, anything else as '.'. */
    private static String preview(byte[] b, int from) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < b.length && out.length() < PREVIEW_CHARS; i++) {
            int c = b[i] & 0xFF;
            out.append(c == '\t' || c == '\r' || c == '\n' ? ' ' : c >= 0x20 && c <= 0x7E && c != '"' ? (char) c : '.');
        }
        return out.toString();
    }

    private static boolean startsWith(byte[] b, byte[] signature, int at) {
        return b.length >= at + signature.length && prefixMatches(b, signature, at);
    }

    /** Whether the bytes of {@code b} from {@code at} agree with {@code signature} where both exist. */
    private static boolean prefixMatches(byte[] b, byte[] signature, int at) {
        for (int i = 0; i < signature.length && at + i < b.length; i++) {
            if (b[at + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
