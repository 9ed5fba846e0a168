package dev.refinery.scorer.signal;

import dev.refinery.schemas.Signal;
import java.util.List;

/**
 * The two rule-based filters of LAION-5B's crawl, as 1.0 (fails) / 0.0 (passes).
 *
 * <ul>
 *   <li>{@code laion_alt_too_short}: the stripped alt text has fewer than 5 code points (the crawler dropped
 *       {@code len(alt_text.strip()) < 5}).
 *   <li>{@code laion_image_too_small}: the encoded image is smaller than 5 KiB ("less than 5KB image size" in the
 *       paper; 5 × 1024 bytes here). An unknown size (0 or negative) counts as too small.
 * </ul>
 */
public final class LaionSignal implements QualitySignal {
    public static final String ALT_TOO_SHORT = "laion_alt_too_short";
    public static final String IMAGE_TOO_SMALL = "laion_image_too_small";
    static final int MIN_ALT_CHARS = 5;
    static final long MIN_IMAGE_BYTES = 5 * 1024;
    private static final String VERSION = "1";

    @Override
    public String name() {
        return "laion";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<Signal> compute(SignalInput in) {
        boolean shortAlt = CaptionText.length(CaptionText.strip(in.caption())) < MIN_ALT_CHARS;
        boolean smallImage = in.imageBytes() < MIN_IMAGE_BYTES;
        return List.of(
                new Signal(ALT_TOO_SHORT, VERSION, shortAlt ? 1.0 : 0.0, null),
                new Signal(IMAGE_TOO_SMALL, VERSION, smallImage ? 1.0 : 0.0, null));
    }
}
