package dev.refinery.rewriter.vlm;

import java.util.Locale;

/** How the image reaches the model server. */
public enum ImageMode {
    /** Inline {@code data:<media type>;base64,...} URL: works with every server, costs request size. */
    DATA_URL,
    /** A presigned object-storage URL that the model server fetches itself; it must be able to reach the store. */
    PRESIGNED_URL;

    /** Parses {@code data_url}, {@code data-url}, {@code presigned_url}, ... case-insensitively. */
    public static ImageMode parse(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ImageMode mode : values()) {
            if (mode.name().equals(v)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("image mode must be data_url or presigned_url, got '" + value + "'");
    }
}
