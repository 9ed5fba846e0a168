package dev.refinery.scorer.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A causal language model in HuggingFace Optimum's ONNX layout for text generation without cache, from a local folder:
 * {@code model.onnx} (see {@link CausalLmSignature}), {@code tokenizer.json} and optionally {@code config.json} (its
 * {@code name} or {@code _name_or_path} names the model). Texts are truncated to {@value #MAX_TOKENS} tokens, sorted by
 * length and scored in chunks of at most {@value #MAX_LOGITS} logits, each one forward pass with right padding and the
 * attention mask. Thread-safe; native tensors and results are closed after each call.
 */
public final class OnnxCausalLm implements AutoCloseable {
    /** Tokens scored per text; longer texts are truncated. */
    public static final int MAX_TOKENS = 128;
    /** Logits per forward pass (128 MB of floats). */
    static final long MAX_LOGITS = 1L << 25;

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final boolean gpu;
    private final ClipTokenizer tokenizer;
    private final boolean positionIds;
    private final int chunkVocab;
    private final String id;

    private OnnxCausalLm(OrtSessions.Created created, ClipTokenizer tokenizer, String id, int vocab) {
        this.session = created.session();
        this.gpu = created.gpu();
        this.tokenizer = tokenizer;
        this.positionIds = session.getInputNames().contains("position_ids");
        this.chunkVocab = vocab > 0 ? vocab : 1 << 16;
        this.id = id;
    }

    /** Loads the model in {@code dir}; see {@link GpuMode} for the CUDA/CPU choice. */
    public static OnnxCausalLm load(Path dir, GpuMode mode, int gpuDevice, int intraOpThreads)
            throws IOException, OrtException {
        Path onnx = dir.resolve("model.onnx");
        if (!Files.isRegularFile(onnx)) {
            throw new IllegalArgumentException("no causal LM at " + onnx + "; " + CausalLmSignature.EXPORT_HINT);
        }
        Path configFile = dir.resolve("config.json");
        JsonNode config = Files.isRegularFile(configFile) ? new ObjectMapper().readTree(configFile.toFile()) : null;
        String name = config == null
                ? dir.getFileName().toString()
                : config.path("name")
                        .asText(config.path("_name_or_path")
                                .asText(dir.getFileName().toString()));
        OrtSessions.Created created =
                OrtSessions.open(OrtEnvironment.getEnvironment(), onnx, mode, gpuDevice, intraOpThreads);
        try {
            int vocab = CausalLmSignature.check(onnx, created.session());
            ClipTokenizer tokenizer = new ClipTokenizer(dir.resolve("tokenizer.json"), MAX_TOKENS);
            return new OnnxCausalLm(created, tokenizer, name + "@" + OnnxClipModel.fingerprint(onnx), vocab);
        } catch (RuntimeException | IOException e) {
            created.session().close();
            throw e;
        }
    }

    /** The model's name and the first 12 hex digits of the SHA-256 of its {@code model.onnx}. */
    public String id() {
        return id;
    }

    /** Whether inference runs on the CUDA execution provider. */
    public boolean onGpu() {
        return gpu;
    }

    /** The perplexity of each text, in order; null for a text of fewer than 2 tokens. */
    public List<Double> perplexities(List<String> texts) {
        ClipTokenizer.Batch tokens = tokenizer.encode(texts);
        int[] lengths = new int[tokens.batch()];
        for (int i = 0; i < tokens.mask().length; i++) {
            lengths[i / tokens.length()] += (int) tokens.mask()[i];
        }
        int[] longestFirst = IntStream.range(0, lengths.length)
                .filter(i -> lengths[i] >= 2)
                .boxed()
                .sorted(Comparator.comparingInt(i -> -lengths[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        Double[] out = new Double[lengths.length];
        for (int start = 0; start < longestFirst.length; ) {
            int length = lengths[longestFirst[start]];
            long fit = MAX_LOGITS / ((long) length * chunkVocab);
            int rows = (int) Math.max(1, Math.min(longestFirst.length - start, fit));
            score(tokens, lengths, Arrays.copyOfRange(longestFirst, start, start + rows), length, out);
            start += rows;
        }
        return Arrays.asList(out);
    }

    /** One forward pass over {@code rows} of {@code tokens}, cut to {@code length}; their perplexities into out. */
    private void score(ClipTokenizer.Batch tokens, int[] lengths, int[] rows, int length, Double[] out) {
        long[] ids = new long[rows.length * length];
        long[] mask = new long[ids.length];
        long[] positions = new long[ids.length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(tokens.ids(), rows[r] * tokens.length(), ids, r * length, length);
            System.arraycopy(tokens.mask(), rows[r] * tokens.length(), mask, r * length, length);
            for (int t = 0; t < length; t++) {
                positions[r * length + t] = t < lengths[rows[r]] ? t : 1; // transformers' fill for padding
            }
        }
        long[] shape = {rows.length, length};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor positionTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(positions), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (positionIds) {
                inputs.put("position_ids", positionTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
                long[] got = logits.getInfo().getShape();
                FloatBuffer values = logits.getFloatBuffer();
                if (got.length != 3 || got[0] != rows.length || got[1] != length || values == null) {
                    throw new IllegalStateException("model " + id + " returned logits " + logits.getInfo()
                            + " for input_ids " + Arrays.toString(shape));
                }
                int vocab = (int) got[2];
                for (int r = 0; r < rows.length; r++) {
                    double ppl = Perplexity.of(values, r * length * vocab, vocab, ids, r * length, lengths[rows[r]]);
                    if (Double.isNaN(ppl)) {
                        throw new IllegalStateException("model " + id + " returned NaN logits");
                    }
                    out[rows[r]] = ppl;
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime inference failed for model " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
