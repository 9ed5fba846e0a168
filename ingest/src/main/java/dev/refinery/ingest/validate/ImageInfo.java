package dev.refinery.ingest.validate;

import dev.refinery.schemas.ImageFormat;
import java.util.Objects;

/**
 * What {@link ImageInspector} read from an image's headers, without decoding pixels.
 *
 * @param format the real format, sniffed from the magic bytes; never {@link ImageFormat#UNKNOWN}
 * @param width width in pixels, at least 1
 * @param height height in pixels, at least 1
 */
public record ImageInfo(ImageFormat format, int width, int height) {

    /** Checks that the format is known and both sides are positive. */
    public ImageInfo {
        Objects.requireNonNull(format, "format");
        if (format == ImageFormat.UNKNOWN) {
            throw new IllegalArgumentException("format must be known");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("dimensions must be positive, were " + width + "x" + height);
        }
    }

    /** {@code width * height}, without overflow. */
    public long pixels() {
        return (long) width * height;
    }
}
