package dev.refinery.ingest.validate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Content-addressed ids: an image is named by the SHA-256 of its bytes, a pair by the SHA-256 of its image id and its
 * normalised caption, so the same pair ingested twice, from any source, gets the same id.
 */
public final class PairIds {

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-f]{64}");

    private PairIds() {}

    /** Lowercase hex SHA-256 of {@code bytes} (64 characters). */
    public static String imageId(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return HEX.formatHex(sha256().digest(bytes));
    }

    /**
     * Lowercase hex SHA-256 of the UTF-8 bytes of {@code imageId + "\n" + normalizedCaption}.
     *
     * @param imageId an id from {@link #imageId(byte[])}
     * @param normalizedCaption the output of {@link CaptionNormalizer}
     * @throws IllegalArgumentException if {@code imageId} is not 64 lowercase hex digits
     */
    public static String pairId(String imageId, String normalizedCaption) {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(normalizedCaption, "normalizedCaption");
        if (!IMAGE_ID.matcher(imageId).matches()) {
            throw new IllegalArgumentException("imageId must be 64 lowercase hex digits, was '" + imageId + "'");
        }
        byte[] input = (imageId + "\n" + normalizedCaption).getBytes(StandardCharsets.UTF_8);
        return HEX.formatHex(sha256().digest(input));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
