package dev.refinery.selector.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.schemas.Signal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The {@code <key>.json} member of a curated sample: ids, source, scores, cluster, decision and provenance. */
final class SampleJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleJson() {}

    static byte[] of(CuratedPair curated) {
        ScoredPair scored = curated.getScored();
        RawPair pair = scored.getPair();
        Decision d = curated.getDecision();
        ObjectNode doc = JSON.createObjectNode()
                .put("pair_id", pair.getPairId())
                .put("image_id", pair.getImageId())
                .put("revision", pair.getRevision())
                .put("caption", pair.getCaption())
                .put("width", pair.getImage().getWidth())
                .put("height", pair.getImage().getHeight())
                .put("format", pair.getImage().getFormat().name().toLowerCase(Locale.ROOT))
                .put("image_uri", pair.getImage().getUri())
                .put("image_url", pair.getSource().getImageUrl())
                .put("page_url", pair.getSource().getPageUrl())
                .put("clip_score", scored.getClipScore())
                .put("model_id", scored.getModelId());
        Map<String, Object> signals = new TreeMap<>();
        for (Signal s : scored.getSignals()) {
            signals.put(s.getName(), s.getLabel() != null ? s.getLabel() : s.getValue());
        }
        doc.set("signals", JSON.valueToTree(signals));
        if (scored.getCluster() != null) {
            doc.putObject("cluster")
                    .put("id", scored.getCluster().getClusterId())
                    .put("set_version", scored.getCluster().getClusterSetVersion())
                    .put("similarity", scored.getCluster().getSimilarity());
        }
        doc.putObject("decision")
                .put("run_id", d.getRunId())
                .put("reason", d.getReason())
                .put("detail", d.getDetail())
                .put("rank_score", d.getRankScore())
                .put("threshold", d.getThreshold())
                .put("policy_name", d.getPolicyName())
                .put("policy_hash", d.getPolicyHash());
        if (pair.getProvenance() != null) {
            var p = pair.getProvenance();
            doc.putObject("provenance")
                    .put("original_caption", p.getOriginalCaption())
                    .put("strategy", p.getStrategy())
                    .put("model", p.getModel())
                    .put("prompt_version", p.getPromptVersion())
                    .put("edit_ratio", p.getEditRatio());
        }
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** File extension of the image member from its sniffed format. */
    static String extension(RawPair pair) {
        return switch (pair.getImage().getFormat()) {
            case JPEG -> "jpg";
            case PNG -> "png";
            case WEBP -> "webp";
            case GIF -> "gif";
            default -> "bin";
        };
    }
}
