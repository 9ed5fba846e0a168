package dev.refinery.scorer.route;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The scorer's versioned routing policy (JSON). Image rules that fail reject the pair (a caption cannot fix the image);
 * a good image with a poor caption goes to the rewriter once (revision 0 only); everything else is a keep-candidate
 * for the selector. The version recorded in every ScoredPair is a hash of the canonical document.
 *
 * @param name free-form name
 * @param minSide images whose shorter side is smaller are rejected (DataComp basic: 200)
 * @param maxAspectRatio images more elongated are rejected (DataComp basic: 3)
 * @param rejectTinyFiles reject images under 5 KB (LAION)
 * @param rewriteBelowClip a caption whose CLIP score is below this is poor (LAION ViT-B/32: 0.28)
 * @param minCaptionWords captions with fewer words are poor (DataComp basic: more than 2)
 * @param rewriteBoilerplate boilerplate captions (file names, "click here", URLs) are poor
 * @param allowedLanguages ISO 639-1 codes; a caption confidently in another language is rejected; empty = all
 * @param minLanguageConfidence confidence above which the language rule applies
 */
public record RoutingPolicy(
        @JsonProperty("name") String name,
        @JsonProperty("min_side") int minSide,
        @JsonProperty("max_aspect_ratio") double maxAspectRatio,
        @JsonProperty("reject_tiny_files") boolean rejectTinyFiles,
        @JsonProperty("rewrite_below_clip") double rewriteBelowClip,
        @JsonProperty("min_caption_words") int minCaptionWords,
        @JsonProperty("rewrite_boilerplate") boolean rewriteBoilerplate,
        @JsonProperty("allowed_languages") List<String> allowedLanguages,
        @JsonProperty("min_language_confidence") double minLanguageConfidence) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public RoutingPolicy {
        allowedLanguages = allowedLanguages == null ? List.of() : List.copyOf(allowedLanguages);
        if (minSide < 0 || maxAspectRatio < 1 || minCaptionWords < 0) {
            throw new IllegalArgumentException(
                    "routing policy: min_side >= 0, max_aspect_ratio >= 1, " + "min_caption_words >= 0 required");
        }
        if (minLanguageConfidence < 0 || minLanguageConfidence > 1) {
            throw new IllegalArgumentException("routing policy: min_language_confidence must be in [0, 1]");
        }
    }

    /** Defaults suited to the embedded model and the demo crawl; set thresholds per model in production. */
    public static RoutingPolicy defaults() {
        return new RoutingPolicy("default", 64, 3.0, true, 0.2, 2, true, List.of(), 0.9);
    }

    public static RoutingPolicy read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RoutingPolicy.class);
    }

    /** Canonical JSON (fixed field order). */
    public String canonicalJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <name>-<first 12 hex of SHA-256 of the canonical JSON>}. */
    public String version() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
