package dev.refinery.scorer.model;

import static dev.refinery.scorer.model.OnnxGraph.attr;
import static dev.refinery.scorer.model.OnnxGraph.in;

import java.util.List;

/**
 * The image tower, in standard ONNX operators on [images, 3, S, S] CLIP-normalised pixels:
 *
 * <ol>
 *   <li>undo the CLIP normalisation (back to sRGB in [0, 1]);
 *   <li>background colour = mean of a 2 px border ring;
 *   <li>foreground mask = sigmoid(40 * (L1 colour distance to the background - 0.35)), soft at anti-aliased edges;
 *   <li>colour: mean foreground colour, softmax over -squared distances to the colour prototypes / 0.005;
 *   <li>fill ratio = mask area / bounding-box area, the box's height and width being sums of the row and column maxima
 *       of the mask (measured on the demo crawl: circle ~0.79, square ~1, ring ~0.61, triangle ~0.53, star ~0.39);
 *   <li>hole = 1 - the mask's mean under a Gaussian window (sigma = 8% of the box side) at the mask's centroid;
 *   <li>shape: softmax over -((fill - prototype fill) / width)^2 (width 0.06, 0.15 for the ring), plus 12 * hole for
 *       the hollow ring and minus 12 * hole for the solid shapes.
 * </ol>
 */
final class TinyClipImageTower {
    private static final int BORDER = 2;
    private static final float MASK_THRESHOLD = 0.35f;
    private static final float MASK_SLOPE = 40f;
    private static final float COLOUR_TEMPERATURE = 0.005f;
    private static final float WINDOW_SIGMA = 0.08f;
    private static final float SOLID_WIDTH = 0.06f;
    private static final float HOLLOW_WIDTH = 0.15f;
    private static final float HOLE_WEIGHT = 12f;

    private TinyClipImageTower() {}

    static ConceptScores build(OnnxGraph g, String pixels, int side) {
        String rgb = g.add(
                g.mul(pixels, g.floats("std", toFloats(HfExport.CLIP_STD), 1, 3, 1, 1)),
                g.floats("mean", toFloats(HfExport.CLIP_MEAN), 1, 3, 1, 1));
        String background = g.reduceSum(g.mul(rgb, g.floats("border", border(side), 1, 1, side, side)), true, 2, 3);
        String distance = g.reduceSum(g.op("Abs", in(g.sub(rgb, background))), true, 1); // [images, 1, S, S]
        String mask = g.op(
                "Sigmoid",
                in(g.mul(g.sub(distance, g.scalar("threshold", MASK_THRESHOLD)), g.scalar("slope", MASK_SLOPE))));
        String area = g.add(g.reduceSum(mask, true, 2, 3), g.scalar("eps", 1e-3f)); // [images, 1, 1, 1]

        String meanColour = flat(g, g.div(g.reduceSum(g.mul(rgb, mask), true, 2, 3), area));
        String colourLogits = g.add(
                g.op("MatMul", in(g.named("foreground_colour", "Identity", in(meanColour)), colourWeights(g))),
                colourBias(g));
        String colours = g.named("image_colour_scores", "Softmax", in(colourLogits), attr("axis", 1));

        String height = g.reduceSum(g.reduceMax(mask, true, 3), true, 2, 3);
        String width = g.reduceSum(g.reduceMax(mask, true, 2), true, 2, 3);
        String box = g.mul(height, width);
        String fill = g.named("fill_ratio", "Identity", in(flat(g, g.div(area, g.add(box, g.scalar("eps", 1e-3f))))));

        String rows = g.floats("row_index", ramp(side), 1, 1, side, 1);
        String cols = g.floats("column_index", ramp(side), 1, 1, 1, side);
        String dy = g.sub(rows, g.div(g.reduceSum(g.mul(mask, rows), true, 2, 3), area));
        String dx = g.sub(cols, g.div(g.reduceSum(g.mul(mask, cols), true, 2, 3), area));
        String radius2 = g.add(g.mul(dy, dy), g.mul(dx, dx)); // [images, 1, S, S]
        String sigma2 = g.mul(g.add(box, g.scalar("one", 1f)), g.scalar("sigma2", WINDOW_SIGMA * WINDOW_SIGMA));
        String window = g.op("Exp", in(g.div(radius2, g.mul(sigma2, g.scalar("minus_two", -2f)))));
        String centre = g.div(g.reduceSum(g.mul(mask, window), true, 2, 3), g.reduceSum(window, true, 2, 3));
        String hole = g.named("hole", "Identity", in(flat(g, g.sub(g.scalar("one", 1f), centre))));

        String miss = g.sub(fill, g.floats("shape_fill", shapeFills(), shapeCount()));
        String shapeLogits = g.add(
                g.add(
                        g.mul(g.mul(miss, miss), g.floats("shape_precision", shapePrecisions(), shapeCount())),
                        g.mul(hole, g.floats("hole_weight", holeWeights(), shapeCount()))),
                g.floats("hole_bias", holeBiases(), shapeCount()));
        String shapes = g.named("image_shape_scores", "Softmax", in(shapeLogits), attr("axis", 1));
        return new ConceptScores(colours, shapes);
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private static String flat(OnnxGraph g, String x) {
        return g.op("Flatten", in(x), attr("axis", 1));
    }

    /** Weights that average over the 2 px border ring of an S x S image. */
    private static float[] border(int side) {
        float[] w = new float[side * side];
        int count = side * side - (side - 2 * BORDER) * (side - 2 * BORDER);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean edge = y < BORDER || x < BORDER || y >= side - BORDER || x >= side - BORDER;
                w[y * side + x] = edge ? 1f / count : 0f;
            }
        }
        return w;
    }

    private static float[] ramp(int side) {
        float[] r = new float[side];
        for (int i = 0; i < side; i++) {
            r[i] = i;
        }
        return r;
    }

    /** -|x - p|^2 / T = (2 p.x - |p|^2 - |x|^2) / T; the |x|^2 term is the same for every colour and cancels. */
    private static String colourWeights(OnnxGraph g) {
        List<TinyClipConcepts.Colour> colours = TinyClipConcepts.COLOURS;
        float[] w = new float[3 * colours.size()];
        for (int k = 0; k < colours.size(); k++) {
            TinyClipConcepts.Colour c = colours.get(k);
            w[k] = 2 * c.red() / COLOUR_TEMPERATURE;
            w[colours.size() + k] = 2 * c.green() / COLOUR_TEMPERATURE;
            w[2 * colours.size() + k] = 2 * c.blue() / COLOUR_TEMPERATURE;
        }
        return g.floats("colour_weights", w, 3, colours.size());
    }

    private static String colourBias(OnnxGraph g) {
        List<TinyClipConcepts.Colour> colours = TinyClipConcepts.COLOURS;
        float[] b = new float[colours.size()];
        for (int k = 0; k < colours.size(); k++) {
            TinyClipConcepts.Colour c = colours.get(k);
            b[k] = -(c.red() * c.red() + c.green() * c.green() + c.blue() * c.blue()) / COLOUR_TEMPERATURE;
        }
        return g.floats("colour_bias", b, colours.size());
    }

    private static int shapeCount() {
        return TinyClipConcepts.SHAPES.size();
    }

    private static float[] shapeFills() {
        float[] f = new float[shapeCount()];
        for (int k = 0; k < f.length; k++) {
            f[k] = TinyClipConcepts.SHAPES.get(k).fill();
        }
        return f;
    }

    private static float[] shapePrecisions() {
        float[] p = new float[shapeCount()];
        for (int k = 0; k < p.length; k++) {
            float width = TinyClipConcepts.SHAPES.get(k).hollow() ? HOLLOW_WIDTH : SOLID_WIDTH;
            p[k] = -1 / (width * width);
        }
        return p;
    }

    private static float[] holeWeights() {
        float[] w = new float[shapeCount()];
        for (int k = 0; k < w.length; k++) {
            w[k] = TinyClipConcepts.SHAPES.get(k).hollow() ? HOLE_WEIGHT : -HOLE_WEIGHT;
        }
        return w;
    }

    private static float[] holeBiases() {
        float[] b = new float[shapeCount()];
        for (int k = 0; k < b.length; k++) {
            b[k] = TinyClipConcepts.SHAPES.get(k).hollow() ? -HOLE_WEIGHT : 0f;
        }
        return b;
    }
}
