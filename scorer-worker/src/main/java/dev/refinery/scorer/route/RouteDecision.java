package dev.refinery.scorer.route;

import dev.refinery.schemas.Route;
import java.util.List;

/** A route with its machine-readable reasons. */
public record RouteDecision(Route route, List<String> reasons) {
    public RouteDecision {
        reasons = List.copyOf(reasons);
    }
}
