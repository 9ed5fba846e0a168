package dev.refinery.ingest.validate;

/**
 * The reason codes ({@code <area>.<what>}) that the validators put on {@link RejectedInputException}. They end up as
 * DLQ reasons, HTTP result reasons and metric tags, so they are stable identifiers: add new ones, never rename.
 */
public final class RejectionReasons {

    /** The image has no bytes. */
    public static final String IMAGE_EMPTY = "image.empty";

    /** The image has more bytes than {@link ValidationLimits#maxImageBytes()}. */
    public static final String IMAGE_TOO_LARGE = "image.too_large";

    /** The bytes carry no JPEG, PNG, WebP or GIF signature (often an HTML error page). */
    public static final String IMAGE_UNSUPPORTED_FORMAT = "image.unsupported_format";

    /** The bytes end before the image does: a header cut short or a missing end marker. */
    public static final String IMAGE_TRUNCATED = "image.truncated";

    /** The headers are present but inconsistent. */
    public static final String IMAGE_CORRUPT = "image.corrupt";

    /** The header claims more than {@link ValidationLimits#maxPixels()} pixels. */
    public static final String IMAGE_DECOMPRESSION_BOMB = "image.decompression_bomb";

    /** A side is shorter than {@link ValidationLimits#minSide()}. */
    public static final String IMAGE_TOO_SMALL = "image.too_small";

    /** The caption is not valid UTF-8 (or, as a string, holds a lone surrogate). */
    public static final String CAPTION_INVALID_UTF8 = "caption.invalid_utf8";

    /** The caption is null or empty after normalisation. */
    public static final String CAPTION_EMPTY = "caption.empty";

    /** The normalised caption has more than {@link ValidationLimits#maxCaptionChars()} code points. */
    public static final String CAPTION_TOO_LONG = "caption.too_long";

    private RejectionReasons() {}
}
