package dev.refinery.scorer.image;

/**
 * An image that cannot be turned into pixels: a per-record failure, sent to the dead-letter topic with
 * {@link #reason()}, never a reason to stop the worker.
 */
public final class UndecodableImageException extends Exception {
    /** The bytes have a known signature but the decoder failed, or there are no bytes at all. */
    public static final String UNDECODABLE = "image.undecodable";

    /** The bytes are not JPEG, PNG, GIF or WebP, or no decoder for the format is installed. */
    public static final String UNSUPPORTED_FORMAT = "image.unsupported_format";

    /** The header announces more pixels than allowed (a decompression bomb); nothing was decoded. */
    public static final String TOO_MANY_PIXELS = "image.too_many_pixels";

    private static final long serialVersionUID = 1L;

    private final String reason;

    public UndecodableImageException(String reason, String message) {
        this(reason, message, null);
    }

    public UndecodableImageException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The DLQ reason code, e.g. {@value #UNDECODABLE}. */
    public String reason() {
        return reason;
    }
}
