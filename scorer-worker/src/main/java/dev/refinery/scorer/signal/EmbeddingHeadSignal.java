package dev.refinery.scorer.signal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.refinery.schemas.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An optional ONNX head on the image embedding, such as an aesthetic predictor (LAION's MLP on CLIP embeddings) or an
 * NSFW classifier: a model with one float input {@code [batch, dim]} and one float output {@code [batch, 1]} (or
 * {@code [batch]}), whose value becomes the signal. The version is the first 12 hex digits of the model file's SHA-256.
 */
public final class EmbeddingHeadSignal implements QualitySignal, AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final String name;
    private final String version;
    private final OrtSession session;
    private final String input;

    private EmbeddingHeadSignal(String name, String version, OrtSession session) throws OrtException {
        this.name = name;
        this.version = version;
        this.session = session;
        this.input = session.getInputNames().iterator().next();
    }

    /** Loads the head in {@code onnx}; the signal is named {@code name} (e.g. {@code aesthetic}). */
    public static EmbeddingHeadSignal load(String name, Path onnx) throws IOException, OrtException {
        byte[] bytes = Files.readAllBytes(onnx);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = env.createSession(bytes, new OrtSession.SessionOptions());
        return new EmbeddingHeadSignal(name, "onnx:" + sha12(bytes), session);
    }

    /** Parses {@code name=path,name=path} ({@code REFINERY_SCORER_HEADS}). */
    public static List<EmbeddingHeadSignal> loadAll(String spec) throws IOException, OrtException {
        List<EmbeddingHeadSignal> heads = new java.util.ArrayList<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("REFINERY_SCORER_HEADS entries are name=path, got '" + part + "'");
            }
            heads.add(load(
                    part.substring(0, eq).trim(), Path.of(part.substring(eq + 1).trim())));
        }
        return heads;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<Signal> compute(SignalInput in) {
        if (in.imageEmbedding() == null) {
            return List.of();
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, new float[][] {in.imageEmbedding()});
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            Object value = result.get(0).getValue();
            float score = value instanceof float[][] matrix ? matrix[0][0] : ((float[]) value)[0];
            return List.of(new Signal(name, version, (double) score, null));
        } catch (OrtException e) {
            throw new IllegalStateException("head " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha12(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
