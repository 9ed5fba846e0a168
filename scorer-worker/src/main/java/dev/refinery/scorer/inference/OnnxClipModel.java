package dev.refinery.scorer.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.scorer.image.PreprocessorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A CLIP model in HuggingFace Optimum's ONNX layout, from a local folder: {@code model.onnx} with inputs
 * {@code input_ids}, {@code attention_mask}, {@code pixel_values} and outputs {@code text_embeds},
 * {@code image_embeds} (or {@code vision_model.onnx} + {@code text_model.onnx}), {@code tokenizer.json},
 * {@code preprocessor_config.json} and {@code config.json}. Native tensors and results are closed after each call.
 */
public final class OnnxClipModel implements ClipModel {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final String id;
    private final int dimension;
    private final PreprocessorConfig preprocessor;
    private final ClipTokenizer tokenizer;
    private final OrtSession combined;
    private final OrtSession vision;
    private final OrtSession text;
    private final boolean gpu;
    private final int imageSide;
    private final boolean textTakesMask;

    private OnnxClipModel(Path dir, GpuMode mode, int gpuDevice, int threads) throws IOException, OrtException {
        JsonNode config = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
        this.preprocessor = PreprocessorConfig.read(dir.resolve("preprocessor_config.json"));
        this.imageSide = (int) Math.round(Math.sqrt(preprocessor.tensorLength() / 3.0)); // square inputs (CLIP, SigLIP)
        int maxLength = config.path("text_config")
                .path("max_position_embeddings")
                .asInt(config.path("max_length").asInt(77));
        Path single = dir.resolve("model.onnx");
        if (Files.exists(single)) {
            OrtSessions.Created c = OrtSessions.open(env, single, mode, gpuDevice, threads);
            this.combined = c.session();
            this.vision = null;
            this.text = null;
            this.gpu = c.gpu();
        } else {
            OrtSessions.Created v = OrtSessions.open(env, dir.resolve("vision_model.onnx"), mode, gpuDevice, threads);
            OrtSessions.Created t = OrtSessions.open(env, dir.resolve("text_model.onnx"), mode, gpuDevice, threads);
            this.combined = null;
            this.vision = v.session();
            this.text = t.session();
            this.gpu = v.gpu() && t.gpu();
        }
        // SigLIP's text tower has no attention_mask: it was trained on fixed-length rows padded with the pad token
        this.textTakesMask =
                (combined != null ? combined : text).getInputNames().contains("attention_mask");
        this.tokenizer = new ClipTokenizer(dir.resolve("tokenizer.json"), maxLength, textTakesMask);
        this.dimension = config.path("projection_dim").asInt(512);
        String name = config.path("name")
                .asText(config.path("_name_or_path").asText(dir.getFileName().toString()));
        this.id = name + "@" + fingerprint(Files.exists(single) ? single : dir.resolve("vision_model.onnx"));
    }

    /** Loads the model in {@code dir}; see {@link GpuMode} for the CUDA/CPU choice. */
    public static OnnxClipModel load(Path dir, GpuMode mode, int gpuDevice, int intraOpThreads)
            throws IOException, OrtException {
        return new OnnxClipModel(dir, mode, gpuDevice, intraOpThreads);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public PreprocessorConfig preprocessor() {
        return preprocessor;
    }

    @Override
    public boolean onGpu() {
        return gpu;
    }

    @Override
    public Embeddings embed(float[] pixels, int count, List<String> captions) {
        ClipTokenizer.Batch tokens = tokenizer.encode(captions);
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.ids()), shape(tokens));
                OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.mask()), shape(tokens));
                OnnxTensor images = OnnxTensor.createTensor(
                        env,
                        FloatBuffer.wrap(pixels, 0, count * 3 * imageSide * imageSide),
                        new long[] {count, 3, imageSide, imageSide})) {
            Map<String, OnnxTensor> inputs = new HashMap<>(Map.of("input_ids", ids));
            if (textTakesMask) {
                inputs.put("attention_mask", mask);
            }
            if (combined != null) {
                inputs.put("pixel_values", images);
                try (OrtSession.Result r = combined.run(inputs)) {
                    return new Embeddings(output(r, "image_embeds"), output(r, "text_embeds"));
                }
            }
            try (OrtSession.Result v = vision.run(Map.of("pixel_values", images));
                    OrtSession.Result t = text.run(inputs)) {
                return new Embeddings(output(v, "image_embeds"), output(t, "text_embeds"));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime inference failed for model " + id + ": " + e.getMessage(), e);
        }
    }

    private static long[] shape(ClipTokenizer.Batch b) {
        return new long[] {b.batch(), b.length()};
    }

    private static float[][] output(OrtSession.Result result, String name) throws OrtException {
        float[][] v = (float[][]) result.get(name)
                .orElseThrow(() -> new IllegalStateException("model has no output " + name))
                .getValue();
        for (float[] row : v) {
            double norm = 0;
            for (float x : row) {
                norm += x * x;
            }
            float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int i = 0; i < row.length; i++) {
                row[i] *= inv;
            }
        }
        return v;
    }

    /** The first 12 hex digits of the SHA-256 of {@code file}. */
    static String fingerprint(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest())
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        for (OrtSession s : new OrtSession[] {combined, vision, text}) {
            if (s != null) {
                try {
                    s.close();
                } catch (OrtException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
