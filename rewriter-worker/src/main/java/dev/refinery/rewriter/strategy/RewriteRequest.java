package dev.refinery.rewriter.strategy;

import java.util.List;
import java.util.Map;

/**
 * What a strategy may look at: the original caption, the pair's source metadata (page title, surrounding text, ...),
 * the scorer's route reasons and, for strategies that need pixels, the image.
 *
 * @param pairId the pair id (for logs)
 * @param caption the caption of revision 0
 * @param metadata the RawPair's free-form metadata, e.g. {@code title}, {@code page_title}, {@code context}
 * @param routeReasons why the scorer sent the pair to the rewriter, e.g. {@code boilerplate_caption}
 * @param image access to the image bytes; only model strategies use it
 */
public record RewriteRequest(
        String pairId, String caption, Map<String, String> metadata, List<String> routeReasons, ImageAccess image) {
    public RewriteRequest {
        metadata = Map.copyOf(metadata);
        routeReasons = List.copyOf(routeReasons);
    }
}
