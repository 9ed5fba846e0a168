package dev.refinery.scorer.signal;

import dev.refinery.schemas.ImageFormat;

/**
 * What the quality signals see of one image-text pair.
 *
 * <p>Crawled data is messy, so the record is lenient: a null caption becomes {@code ""} and a null format becomes
 * {@link ImageFormat#UNKNOWN}. Non-positive dimensions mean "unknown" and are passed through for the signals to handle.
 *
 * @param caption the alt text, already NFC-normalised (never null)
 * @param imageWidth decoded width in pixels
 * @param imageHeight decoded height in pixels
 * @param imageBytes size of the encoded image in bytes
 * @param format the encoded image format (never null)
 * @param clipScore image-caption cosine from the model, or null when the model has no text tower
 * @param imageEmbedding the L2-normalised image embedding, for heads on the embedding; null when not computed
 */
public record SignalInput(
        String caption,
        int imageWidth,
        int imageHeight,
        long imageBytes,
        ImageFormat format,
        Double clipScore,
        float[] imageEmbedding) {

    public SignalInput {
        caption = caption == null ? "" : caption;
        format = format == null ? ImageFormat.UNKNOWN : format;
    }

    /** An input without an image embedding. */
    public SignalInput(
            String caption, int imageWidth, int imageHeight, long imageBytes, ImageFormat format, Double clipScore) {
        this(caption, imageWidth, imageHeight, imageBytes, format, clipScore, null);
    }
}
