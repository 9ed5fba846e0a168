package dev.refinery.scorer.signal;

import dev.refinery.schemas.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * Image geometry: {@code min_side} (the shorter side in pixels) and {@code aspect_ratio} (longer side over shorter
 * side, so always at least 1). DataComp's basic filter keeps {@code min_side > 200} and {@code aspect_ratio < 3};
 * thresholds belong to the routing policy, this only measures.
 *
 * <p>When a dimension is unknown (zero or negative) {@code min_side} is that value clamped to 0 and
 * {@code aspect_ratio} is omitted, since a ratio against zero means nothing.
 */
public final class ImageGeometrySignal implements QualitySignal {
    public static final String MIN_SIDE = "min_side";
    public static final String ASPECT_RATIO = "aspect_ratio";
    private static final String VERSION = "1";

    @Override
    public String name() {
        return "image_geometry";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<Signal> compute(SignalInput in) {
        int min = Math.min(in.imageWidth(), in.imageHeight());
        int max = Math.max(in.imageWidth(), in.imageHeight());
        List<Signal> out = new ArrayList<>(2);
        out.add(new Signal(MIN_SIDE, VERSION, (double) Math.max(0, min), null));
        if (min > 0) {
            out.add(new Signal(ASPECT_RATIO, VERSION, (double) max / min, null));
        }
        return out;
    }
}
