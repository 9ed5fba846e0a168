package dev.refinery.scorer.route;

import dev.refinery.schemas.Route;
import dev.refinery.schemas.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Applies a {@link RoutingPolicy} to one scored revision. Pure and thread-safe. */
public final class Router {
    private final RoutingPolicy policy;

    public Router(RoutingPolicy policy) {
        this.policy = policy;
    }

    public RoutingPolicy policy() {
        return policy;
    }

    /**
     * @param revision 0 for an original caption, 1 for a rewrite (which is never sent to the rewriter again)
     * @param clipScore cosine of the image and caption embeddings, or null when the model has no text tower
     */
    public RouteDecision route(int revision, Double clipScore, List<Signal> signals) {
        Map<String, Signal> byName = new HashMap<>();
        signals.forEach(s -> byName.put(s.getName(), s));
        List<String> hardFailures = new ArrayList<>();
        if (value(byName, "min_side", Double.MAX_VALUE) < policy.minSide()) {
            hardFailures.add("rule:min_side");
        }
        if (value(byName, "aspect_ratio", 1) > policy.maxAspectRatio()) {
            hardFailures.add("rule:aspect_ratio");
        }
        if (policy.rejectTinyFiles() && value(byName, "laion_image_too_small", 0) >= 1) {
            hardFailures.add("rule:laion_image_too_small");
        }
        Signal language = byName.get("language");
        if (!policy.allowedLanguages().isEmpty()
                && language != null
                && language.getLabel() != null
                && !"und".equals(language.getLabel())
                && !policy.allowedLanguages().contains(language.getLabel())
                && language.getValue() != null
                && language.getValue() >= policy.minLanguageConfidence()) {
            hardFailures.add("rule:language");
        }
        if (!hardFailures.isEmpty()) {
            return new RouteDecision(Route.REJECT, hardFailures);
        }
        List<String> poorCaption = new ArrayList<>();
        if (policy.rewriteBoilerplate() && value(byName, "boilerplate_caption", 0) >= 1) {
            Signal b = byName.get("boilerplate_caption");
            poorCaption.add("boilerplate_caption" + (b.getLabel() == null ? "" : ":" + b.getLabel()));
        }
        if (value(byName, "laion_alt_too_short", 0) >= 1) {
            poorCaption.add("laion_alt_too_short");
        }
        if (value(byName, "caption_words", Double.MAX_VALUE) < policy.minCaptionWords()) {
            poorCaption.add("few_caption_words");
        }
        if (clipScore != null && clipScore < policy.rewriteBelowClip()) {
            poorCaption.add("low_clip_score");
        }
        if (poorCaption.isEmpty()) {
            return new RouteDecision(Route.KEEP_CANDIDATE, List.of());
        }
        if (revision == 0) {
            return new RouteDecision(Route.REWRITE, poorCaption);
        }
        List<String> reasons = new ArrayList<>(poorCaption);
        reasons.add("poor_after_rewrite");
        return new RouteDecision(Route.REJECT, reasons);
    }

    private static double value(Map<String, Signal> signals, String name, double missing) {
        Signal s = signals.get(name);
        return s == null || s.getValue() == null ? missing : s.getValue();
    }
}
