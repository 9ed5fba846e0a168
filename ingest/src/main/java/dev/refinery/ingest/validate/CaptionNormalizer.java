package dev.refinery.ingest.validate;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;

/**
 * Turns a raw caption into its canonical form, or refuses it with a {@code caption.*} reason:
 *
 * <ol>
 *   <li>strict UTF-8 decoding (malformed, overlong, surrogate-encoding bytes: {@code caption.invalid_utf8}); for a
 *       {@code String}, a lone surrogate is refused the same way;
 *   <li>line breaks, tabs and other white space (including U+0085, U+2028, U+2029 and space separators such as
 *       U+00A0) become a space; other control characters (Cc) and the invisible U+200B, U+2060 and U+FEFF (hence a
 *       BOM) are removed; U+200C/U+200D are kept, since emoji sequences and several scripts need them;
 *   <li>runs of spaces collapse to one, and the ends are trimmed;
 *   <li>Unicode NFC;
 *   <li>empty: {@code caption.empty}; over {@link ValidationLimits#maxCaptionChars()} code points:
 *       {@code caption.too_long} (refused, never truncated).
 * </ol>
 *
 * HTML entities are left as they are. Thread-safe.
 */
public final class CaptionNormalizer {

    private final ValidationLimits limits;

    public CaptionNormalizer(ValidationLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Decodes {@code utf8} strictly, then normalises it (null is treated as empty). */
    public String normalize(byte[] utf8) throws RejectedInputException {
        if (utf8 == null) {
            return normalize((String) null);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new RejectedInputException(
                    RejectionReasons.CAPTION_INVALID_UTF8,
                    "caption is not valid UTF-8: " + result.length() + " bad byte(s) at offset " + in.position());
        }
        return clean(out.flip().toString());
    }

    /** Normalises {@code text} (null is treated as empty). */
    public String normalize(String text) throws RejectedInputException {
        if (text == null) {
            throw new RejectedInputException(RejectionReasons.CAPTION_EMPTY, "caption is missing");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new RejectedInputException(
                        RejectionReasons.CAPTION_INVALID_UTF8,
                        String.format("caption has a lone surrogate U+%04X at index %d", (int) c, i));
            }
        }
        return clean(text);
    }

    private String clean(String text) throws RejectedInputException {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = !out.isEmpty();
            } else if (!isRemoved(cp)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        String normalized = Normalizer.normalize(out, Normalizer.Form.NFC);
        if (normalized.isEmpty()) {
            throw new RejectedInputException(
                    RejectionReasons.CAPTION_EMPTY, "caption is empty after removing white space and controls");
        }
        int length = normalized.codePointCount(0, normalized.length());
        if (length > limits.maxCaptionChars()) {
            throw new RejectedInputException(
                    RejectionReasons.CAPTION_TOO_LONG,
                    "caption has " + length + " code points, the limit is " + limits.maxCaptionChars());
        }
        return normalized;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp)
                || Character.getType(cp) == Character.SPACE_SEPARATOR
                || cp == 0x85 // NEL
                || cp == 0x2028 // line separator
                || cp == 0x2029; // paragraph separator
    }

    private static boolean isRemoved(int cp) {
        return Character.getType(cp) == Character.CONTROL || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
    }
}
