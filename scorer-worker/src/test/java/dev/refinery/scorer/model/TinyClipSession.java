package dev.refinery.scorer.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test access to a written tiny CLIP: its ONNX session and its tokenizer (through DJL, as the scorer uses it). */
final class TinyClipSession implements AutoCloseable {
    /** All four outputs of one run. */
    record Outputs(float[][] imageEmbeds, float[][] textEmbeds, float[][] logitsPerImage, float[][] logitsPerText) {}

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    TinyClipSession(Path dir) throws IOException, OrtException {
        this.session = env.createSession(dir.resolve("model.onnx").toString(), new OrtSession.SessionOptions());
        String maxLength = Integer.toString(TinyClipModel.MAX_LENGTH);
        this.tokenizer = HuggingFaceTokenizer.newInstance(
                dir.resolve("tokenizer.json"), Map.of("padding", "true", "truncation", "true", "maxLength", maxLength));
    }

    OrtSession session() {
        return session;
    }

    HuggingFaceTokenizer tokenizer() {
        return tokenizer;
    }

    /** Runs {@code count} preprocessed images (packed [count, 3, S, S]) and the captions through the model. */
    Outputs run(float[] pixels, int count, List<String> captions) throws OrtException {
        Encoding[] encodings = tokenizer.batchEncode(captions);
        int length = encodings[0].getIds().length;
        long[] ids = new long[captions.size() * length];
        long[] mask = new long[captions.size() * length];
        for (int i = 0; i < encodings.length; i++) {
            System.arraycopy(encodings[i].getIds(), 0, ids, i * length, length);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, length);
        }
        long[] textShape = {captions.size(), length};
        int side = TinyClipModel.IMAGE_SIZE;
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), textShape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), textShape);
                OnnxTensor pixelTensor =
                        OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), new long[] {count, 3, side, side});
                OrtSession.Result r = session.run(
                        Map.of("input_ids", idTensor, "attention_mask", maskTensor, "pixel_values", pixelTensor))) {
            return new Outputs(
                    matrix(r, "image_embeds"),
                    matrix(r, "text_embeds"),
                    matrix(r, "logits_per_image"),
                    matrix(r, "logits_per_text"));
        }
    }

    private static float[][] matrix(OrtSession.Result r, String name) throws OrtException {
        return (float[][]) r.get(name).orElseThrow().getValue();
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Override
    public void close() throws OrtException {
        tokenizer.close();
        session.close();
    }
}
