package dev.refinery.scorer.model;

import static dev.refinery.scorer.model.OnnxGraph.attr;
import static dev.refinery.scorer.model.OnnxGraph.in;

import ai.onnx.proto.OnnxMl.GraphProto;

/**
 * The graph of a CLIP ViT-B/32 (HuggingFace {@code CLIPModel} semantics, Optimum I/O names) whose weights are declared
 * in a {@link RandomWeights} rather than stored in the graph.
 *
 * <ul>
 *   <li>vision: 32 x 32 stride-32 patch convolution 3 -> 768 on 224 x 224 (49 patches), class token, 50 learned
 *       positions, pre-layernorm, 12 pre-LN blocks (width 768, 12 heads, MLP 3072, quick-GELU), post-layernorm of the
 *       class token, projection 768 -> 512;
 *   <li>text: token embedding 49408 x 512, 77 learned positions, 12 blocks (width 512, 8 heads, MLP 2048) with a causal
 *       and a padding mask, final layernorm, the end-of-text token (the argmax of {@code input_ids}), projection 512 ->
 *       512;
 *   <li>L2-normalised embeddings and {@code logits_per_image = 100 * image_embeds @ text_embeds^T}.
 * </ul>
 */
final class VitB32Graph {
    static final int IMAGE_SIZE = 224;
    static final int PATCH = 32;
    static final int VOCAB = 49408;
    static final int MAX_LENGTH = 77;
    static final int PROJECTION = 512;
    private static final float MASKED = -1e9f;

    private VitB32Graph() {}

    static GraphProto build(RandomWeights weights) {
        OnnxGraph g = new OnnxGraph("clip-vit-b32-shaped");
        g.input("input_ids", OnnxGraph.INT64, "text_batch_size", "sequence_length");
        g.input("attention_mask", OnnxGraph.INT64, "text_batch_size", "sequence_length");
        g.input("pixel_values", OnnxGraph.FLOAT, "image_batch_size", 3L, (long) IMAGE_SIZE, (long) IMAGE_SIZE);
        TransformerBlocks blocks = new TransformerBlocks(g, weights);

        String text = g.l2Normalize(textTower(g, weights, blocks), 1e-12f);
        g.named("text_embeds", "Identity", in(text));
        String image = g.l2Normalize(visionTower(g, weights, blocks), 1e-12f);
        g.named("image_embeds", "Identity", in(image));
        String transposed = g.op("Transpose", in(text), attr("perm", new long[] {1, 0}));
        String logits = g.named(
                "logits_per_image", "Mul", in(g.op("MatMul", in(image, transposed)), g.scalar("logit_scale", 100f)));
        g.named("logits_per_text", "Transpose", in(logits), attr("perm", new long[] {1, 0}));

        g.output("logits_per_image", OnnxGraph.FLOAT, "image_batch_size", "text_batch_size");
        g.output("logits_per_text", OnnxGraph.FLOAT, "text_batch_size", "image_batch_size");
        g.output("text_embeds", OnnxGraph.FLOAT, "text_batch_size", (long) PROJECTION);
        g.output("image_embeds", OnnxGraph.FLOAT, "image_batch_size", (long) PROJECTION);
        return g.build();
    }

    private static String visionTower(OnnxGraph g, RandomWeights w, TransformerBlocks blocks) {
        int width = 768;
        int patches = (IMAGE_SIZE / PATCH) * (IMAGE_SIZE / PATCH);
        String conv = g.op(
                "Conv",
                in("pixel_values", w.random("vision_model.embeddings.patch_embedding.weight", width, 3, PATCH, PATCH)),
                attr("kernel_shape", new long[] {PATCH, PATCH}),
                attr("strides", new long[] {PATCH, PATCH}));
        String tokens = g.op(
                "Transpose",
                in(g.op("Reshape", in(conv, g.longs("patches", 0, width, -1)))),
                attr("perm", new long[] {0, 2, 1}));
        String batch = g.op("Slice", in(g.op("Shape", in(tokens)), g.longs("starts", 0), g.longs("ends", 1)));
        String classShape = g.op("Concat", in(batch, g.longs("class_shape", 1, width)), attr("axis", 0));
        String classToken =
                g.op("Expand", in(w.random("vision_model.embeddings.class_embedding", 1, 1, width), classShape));
        String embedded = g.add(
                g.op("Concat", in(classToken, tokens), attr("axis", 1)),
                w.random("vision_model.embeddings.position_embedding.weight", patches + 1, width));
        String x = blocks.layerNorm(embedded, "vision_model.pre_layrnorm", width);
        x = blocks.encoder(x, "vision_model.encoder", 12, width, 12, 3072, null);
        String pooled = g.op("Gather", in(x, g.longsScalar("class_index", 0)), attr("axis", 1));
        pooled = blocks.layerNorm(pooled, "vision_model.post_layernorm", width);
        return blocks.linear(pooled, "visual_projection", width, PROJECTION, false);
    }

    private static String textTower(OnnxGraph g, RandomWeights w, TransformerBlocks blocks) {
        int width = 512;
        String length = g.op("Slice", in(g.op("Shape", in("input_ids")), g.longs("starts", 1), g.longs("ends", 2)));
        String positions = g.op(
                "Slice",
                in(
                        w.random("text_model.embeddings.position_embedding.weight", MAX_LENGTH, width),
                        g.longs("starts", 0),
                        length,
                        g.longs("axes", 0)));
        String tokens = g.op(
                "Gather",
                in(w.random("text_model.embeddings.token_embedding.weight", VOCAB, width), "input_ids"),
                attr("axis", 0));
        String lengths = g.op("Concat", in(length, length), attr("axis", 0));
        String causal = g.op(
                "Slice",
                in(
                        g.floats("causal_mask", causalMask(), MAX_LENGTH, MAX_LENGTH),
                        g.longs("starts", 0, 0),
                        lengths,
                        g.longs("axes", 0, 1)));
        String keep = g.op("Cast", in("attention_mask"), attr("to", OnnxGraph.FLOAT));
        String padding = g.op(
                "Unsqueeze",
                in(g.mul(g.sub(g.scalar("one", 1f), keep), g.scalar("masked", MASKED)), g.longs("axes", 1, 2)));
        String mask = g.add(padding, causal); // [batch, 1, seq, seq]
        String x = blocks.encoder(g.add(tokens, positions), "text_model.encoder", 12, width, 8, 2048, mask);
        String eos = g.op(
                "Unsqueeze",
                in(g.op("ArgMax", in("input_ids"), attr("axis", 1), attr("keepdims", 0)), g.longs("axes", 1)));
        String pooled = g.op("GatherND", in(x, eos), attr("batch_dims", 1));
        pooled = blocks.layerNorm(pooled, "text_model.final_layer_norm", width);
        return blocks.linear(pooled, "text_projection", width, PROJECTION, false);
    }

    private static float[] causalMask() {
        float[] mask = new float[MAX_LENGTH * MAX_LENGTH];
        for (int i = 0; i < MAX_LENGTH; i++) {
            for (int j = i + 1; j < MAX_LENGTH; j++) {
                mask[i * MAX_LENGTH + j] = MASKED;
            }
        }
        return mask;
    }
}
