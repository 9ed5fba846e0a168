package dev.refinery.scorer.model;

import static dev.refinery.scorer.model.OnnxGraph.attr;
import static dev.refinery.scorer.model.OnnxGraph.in;

/**
 * CLIP's transformer pieces as ONNX nodes (HuggingFace {@code CLIPEncoderLayer} semantics): pre-LN blocks of
 * multi-head self-attention and a quick-GELU MLP, each with a residual connection. Weights are declared in a
 * {@link RandomWeights} under HuggingFace-like names.
 */
final class TransformerBlocks {
    private final OnnxGraph g;
    private final RandomWeights weights;

    TransformerBlocks(OnnxGraph g, RandomWeights weights) {
        this.g = g;
        this.weights = weights;
    }

    /** {@code layers} encoder layers of the given width over x [batch, seq, width]; mask is additive or null. */
    String encoder(String x, String prefix, int layers, int width, int heads, int hidden, String mask) {
        String h = x;
        for (int i = 0; i < layers; i++) {
            String layer = prefix + ".layers." + i;
            h = g.add(
                    h,
                    attention(layerNorm(h, layer + ".layer_norm1", width), layer + ".self_attn", width, heads, mask));
            h = g.add(h, mlp(layerNorm(h, layer + ".layer_norm2", width), layer + ".mlp", width, hidden));
        }
        return h;
    }

    String layerNorm(String x, String prefix, int width) {
        return g.op(
                "LayerNormalization",
                in(x, weights.ones(prefix + ".weight", width), weights.zeros(prefix + ".bias", width)),
                attr("axis", -1),
                attr("epsilon", 1e-5f));
    }

    /** x @ W (+ b), W stored [in, out]. */
    String linear(String x, String prefix, int inputs, int outputs, boolean bias) {
        String y = g.op("MatMul", in(x, weights.random(prefix + ".weight", inputs, outputs)));
        return bias ? g.add(y, weights.zeros(prefix + ".bias", outputs)) : y;
    }

    private String attention(String x, String prefix, int width, int heads, String mask) {
        int head = width / heads;
        String q = g.mul(
                linear(x, prefix + ".q_proj", width, width, true), g.scalar("scale", (float) (1 / Math.sqrt(head))));
        String k = linear(x, prefix + ".k_proj", width, width, true);
        String v = linear(x, prefix + ".v_proj", width, width, true);
        String split = g.longs("heads_shape", 0, 0, heads, head);
        String qh = g.op("Transpose", in(g.op("Reshape", in(q, split))), attr("perm", new long[] {0, 2, 1, 3}));
        String kh = g.op("Transpose", in(g.op("Reshape", in(k, split))), attr("perm", new long[] {0, 2, 3, 1}));
        String vh = g.op("Transpose", in(g.op("Reshape", in(v, split))), attr("perm", new long[] {0, 2, 1, 3}));
        String scores = g.op("MatMul", in(qh, kh)); // [batch, heads, seq, seq]
        if (mask != null) {
            scores = g.add(scores, mask);
        }
        String context = g.op("MatMul", in(g.op("Softmax", in(scores), attr("axis", -1)), vh));
        String merged = g.op(
                "Reshape",
                in(
                        g.op("Transpose", in(context), attr("perm", new long[] {0, 2, 1, 3})),
                        g.longs("merged_shape", 0, 0, width)));
        return linear(merged, prefix + ".out_proj", width, width, true);
    }

    private String mlp(String x, String prefix, int width, int hidden) {
        String h = linear(x, prefix + ".fc1", width, hidden, true);
        String gelu = g.mul(h, g.op("Sigmoid", in(g.mul(h, g.scalar("quick_gelu", 1.702f)))));
        return linear(gelu, prefix + ".fc2", hidden, width, true);
    }
}
