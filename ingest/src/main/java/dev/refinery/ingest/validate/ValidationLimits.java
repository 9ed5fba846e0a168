package dev.refinery.ingest.validate;

/**
 * Limits applied to every ingested pair before anything decodes it.
 *
 * @param maxImageBytes largest accepted image, in bytes (default 32 MiB)
 * @param maxPixels largest accepted {@code width * height}, read from the header (default 89,478,485, Pillow's
 *     {@code MAX_IMAGE_PIXELS}); larger images are decompression bombs
 * @param minSide smallest accepted {@code min(width, height)} (default 1)
 * @param maxCaptionChars longest accepted normalised caption, in Unicode code points (default 4000)
 */
public record ValidationLimits(long maxImageBytes, long maxPixels, int minSide, int maxCaptionChars) {

    /** Default for {@link #maxImageBytes()}: 32 MiB. */
    public static final long DEFAULT_MAX_IMAGE_BYTES = 32L * 1024 * 1024;

    /** Default for {@link #maxPixels()}: Pillow's {@code Image.MAX_IMAGE_PIXELS}. */
    public static final long DEFAULT_MAX_PIXELS = 89_478_485L;

    /** Default for {@link #minSide()}. */
    public static final int DEFAULT_MIN_SIDE = 1;

    /** Default for {@link #maxCaptionChars()}. */
    public static final int DEFAULT_MAX_CAPTION_CHARS = 4000;

    /** Validates every limit; throws {@link IllegalArgumentException} naming the first bad one. */
    public ValidationLimits {
        if (maxImageBytes < 1) {
            throw new IllegalArgumentException("maxImageBytes must be >= 1, was " + maxImageBytes);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be >= 1, was " + maxPixels);
        }
        if (minSide < 1) {
            throw new IllegalArgumentException("minSide must be >= 1, was " + minSide);
        }
        if (maxCaptionChars < 1) {
            throw new IllegalArgumentException("maxCaptionChars must be >= 1, was " + maxCaptionChars);
        }
    }

    /** The defaults: 32 MiB, 89,478,485 pixels, 1 pixel per side, 4000 code points. */
    public static ValidationLimits defaults() {
        return new ValidationLimits(
                DEFAULT_MAX_IMAGE_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MIN_SIDE, DEFAULT_MAX_CAPTION_CHARS);
    }
}
