package dev.refinery.scorer.model;

import static dev.refinery.scorer.model.OnnxGraph.attr;
import static dev.refinery.scorer.model.OnnxGraph.in;

import ai.onnx.proto.OnnxMl.ModelProto;

/**
 * Assembles the tiny CLIP's ONNX model: both towers, the shared joint embedding and the CLIP logits, with the I/O
 * names, types and symbolic dimensions of a HuggingFace Optimum CLIP export.
 *
 * <p>Joint embedding (both towers alike): the colour scores and the shape scores are each L2-normalised to {@code c}
 * and {@code s}; the embedding is {@code [0.4 c, 0.4 s, 1.0 (c outer s), 0.15]} (8 + 5 + 40 + 1 = 54 dims),
 * L2-normalised. The outer-product block makes a caption score high only when colour AND shape agree; the last,
 * constant dim gives every text a direction, so a caption without colour or shape words scores low (about 0.13) instead
 * of having no direction at all.
 */
final class TinyClipGraph {
    static final float SINGLE_WEIGHT = 0.4f;
    static final float JOINT_WEIGHT = 1.0f;
    static final float GENERIC_WEIGHT = 0.15f;
    static final float LOGIT_SCALE = 100f;
    static final int DIMENSION = TinyClipConcepts.COLOURS.size()
            + TinyClipConcepts.SHAPES.size()
            + TinyClipConcepts.COLOURS.size() * TinyClipConcepts.SHAPES.size()
            + 1;

    private TinyClipGraph() {}

    static ModelProto model(int imageSide) {
        OnnxGraph g = new OnnxGraph("refinery-tiny-clip");
        g.input("input_ids", OnnxGraph.INT64, "text_batch_size", "sequence_length");
        g.input("attention_mask", OnnxGraph.INT64, "text_batch_size", "sequence_length");
        g.input("pixel_values", OnnxGraph.FLOAT, "image_batch_size", 3L, (long) imageSide, (long) imageSide);

        ConceptScores text = TinyClipTextTower.build(g, "input_ids", "attention_mask", TinyClipVocabulary.create());
        String textEmbeds = embed(g, text, "text_embeds");
        ConceptScores image = TinyClipImageTower.build(g, "pixel_values", imageSide);
        String imageEmbeds = embed(g, image, "image_embeds");

        String similarity =
                g.op("MatMul", in(imageEmbeds, g.op("Transpose", in(textEmbeds), attr("perm", new long[] {1, 0}))));
        String logitsPerImage =
                g.named("logits_per_image", "Mul", in(similarity, g.scalar("logit_scale", LOGIT_SCALE)));
        g.named("logits_per_text", "Transpose", in(logitsPerImage), attr("perm", new long[] {1, 0}));

        g.output("logits_per_image", OnnxGraph.FLOAT, "image_batch_size", "text_batch_size");
        g.output("logits_per_text", OnnxGraph.FLOAT, "text_batch_size", "image_batch_size");
        g.output("text_embeds", OnnxGraph.FLOAT, "text_batch_size", (long) DIMENSION);
        g.output("image_embeds", OnnxGraph.FLOAT, "image_batch_size", (long) DIMENSION);

        return HfExport.model(
                g.build(),
                "Refinery's tiny CLIP: hand-set colour and shape features, built locally, no weights downloaded."
                        + " See dev.refinery.scorer.model.TinyClipModel.");
    }

    /** The joint embedding of one tower's concept scores (see the class comment), under the given output name. */
    private static String embed(OnnxGraph g, ConceptScores scores, String name) {
        String colours = g.l2Normalize(scores.colours(), 1e-6f);
        String shapes = g.l2Normalize(scores.shapes(), 1e-6f);
        String outer = g.op(
                "Flatten",
                in(g.mul(
                        g.op("Unsqueeze", in(colours, g.longs("axes", 2))),
                        g.op("Unsqueeze", in(shapes, g.longs("axes", 1))))),
                attr("axis", 1));
        String batch = g.op("Slice", in(g.op("Shape", in(colours)), g.longs("starts", 0), g.longs("ends", 1)));
        String generic = g.op(
                "ConstantOfShape",
                in(g.op("Concat", in(batch, g.longs("one", 1)), attr("axis", 0))),
                attr("value", OnnxGraph.floatTensor(new float[] {GENERIC_WEIGHT}, 1)));
        String single = g.scalar("single_weight", SINGLE_WEIGHT);
        String joint = g.op(
                "Concat",
                in(
                        g.mul(colours, single),
                        g.mul(shapes, single),
                        g.mul(outer, g.scalar("joint_weight", JOINT_WEIGHT)),
                        generic),
                attr("axis", 1));
        return g.named(name, "Identity", in(g.l2Normalize(joint, 1e-12f)));
    }
}
