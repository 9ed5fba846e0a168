package dev.refinery.ingest.validate;

import dev.refinery.schemas.ImageFormat;
import java.util.Objects;

/**
 * Checks image bytes before anything decodes them: sniffs the real format from the magic bytes (JPEG, PNG, WebP, GIF;
 * never from a file name or content type), reads the dimensions from the headers without decoding a pixel, and
 * refuses empty, oversized, unsupported, truncated, corrupt, too small images and decompression bombs with a
 * {@link RejectedInputException} carrying one of the {@code image.*} codes in {@link RejectionReasons}.
 *
 * <p>Order of checks: size in bytes, signature, header dimensions (zero or negative: {@code image.corrupt}; over the
 * pixel limit: {@code image.decompression_bomb}, refused as soon as the header has been read, before the rest of the
 * file is looked at; a side under the minimum: {@code image.too_small}), then the file's structure to its end marker.
 * Work is linear in the input and allocates nothing in proportion to it.
 *
 * <p>Any byte input gives either an {@link ImageInfo} or a {@link RejectedInputException}; a parser bug that would
 * throw an unchecked exception is turned into {@code image.corrupt} with that exception as the cause. Thread-safe.
 */
public final class ImageInspector {

    private final ValidationLimits limits;

    public ImageInspector(ValidationLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Inspects {@code bytes} (null is treated as empty).
     *
     * @return the sniffed format and the dimensions from the header
     * @throws RejectedInputException with an {@code image.*} reason when the bytes are refused
     */
    public ImageInfo inspect(byte[] bytes) throws RejectedInputException {
        if (bytes == null || bytes.length == 0) {
            throw new RejectedInputException(RejectionReasons.IMAGE_EMPTY, "image has no bytes");
        }
        if (bytes.length > limits.maxImageBytes()) {
            throw new RejectedInputException(
                    RejectionReasons.IMAGE_TOO_LARGE,
                    "image has " + bytes.length + " bytes, the limit is " + limits.maxImageBytes());
        }
        ImageFormat format = FormatSniffer.sniff(bytes);
        try {
            return switch (format) {
                case JPEG -> JpegReader.read(bytes, this::checkDimensions);
                case PNG -> PngReader.read(bytes, this::checkDimensions);
                case GIF -> GifReader.read(bytes, this::checkDimensions);
                case WEBP -> WebpReader.read(bytes, this::checkDimensions);
                case UNKNOWN -> throw new IllegalStateException("the sniffer never returns UNKNOWN");
            };
        } catch (RuntimeException e) {
            throw new RejectedInputException(
                    RejectionReasons.IMAGE_CORRUPT, format + " headers could not be parsed: " + e, e);
        }
    }

    private void checkDimensions(long width, long height) throws RejectedInputException {
        if (width <= 0 || height <= 0) {
            throw new RejectedInputException(
                    RejectionReasons.IMAGE_CORRUPT, "image header has invalid dimensions " + width + "x" + height);
        }
        if (width * height > limits.maxPixels()) {
            throw new RejectedInputException(
                    RejectionReasons.IMAGE_DECOMPRESSION_BOMB,
                    "image header claims " + width + "x" + height + " = " + width * height + " pixels, the limit is "
                            + limits.maxPixels());
        }
        if (Math.min(width, height) < limits.minSide()) {
            throw new RejectedInputException(
                    RejectionReasons.IMAGE_TOO_SMALL,
                    "image is " + width + "x" + height + ", the minimum side is " + limits.minSide());
        }
    }
}
