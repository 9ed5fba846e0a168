package dev.refinery.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import dev.refinery.scorer.inference.GpuMode;
import dev.refinery.scorer.inference.OnnxCausalLm;
import dev.refinery.scorer.model.TinyCausalLmModel;
import dev.refinery.scorer.signal.PerplexitySignal;
import dev.refinery.scorer.signal.SignalInput;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The perplexity signal on one thread (CPU, one intra-op thread) against the bare ONNX Runtime session run of the same
 * model on the same token batches, measured in the same run, in alternating rounds: batches of {@value #BATCH}
 * alt-text-like captions of 3-40 words. The signal tokenises, pads, sorts by length, builds the tensors, runs the
 * model, copies the logits out and computes a log-softmax per predicted token; the baseline only calls
 * {@code session.run} on input tensors built beforehand exactly as {@link OnnxCausalLm} builds them (same chunks, same
 * lengths, same ids, mask and position ids), so the ratio is the cost of everything around inference. With no
 * MODEL_DIR it uses the project's tiny bigram LM ({@link TinyCausalLmModel}), whose forward pass is nearly free; a real
 * export (optimum-cli export onnx --model gpt2 --task text-generation DIR) gives the ratio a production model has.
 */
final class PerplexityBench {
    private static final int BATCH = 32;
    private static final int BATCHES = 64;
    private static final int ROUNDS = 4;
    /** {@code OnnxCausalLm.MAX_LOGITS}: logits per forward pass, which decides the chunks of a batch. */
    private static final long MAX_LOGITS = 1L << 25;

    private PerplexityBench() {}

    static void run(int seconds, Path modelDir) throws Exception {
        boolean tiny = modelDir == null;
        if (tiny) {
            modelDir = Files.createTempDirectory("perplexity-bench").resolve("tiny-lm");
            TinyCausalLmModel.write(modelDir);
        }
        List<List<String>> batches = batches(new Random(11));
        try (PerplexitySignal signal = PerplexitySignal.load(modelDir, GpuMode.OFF, 0, 1);
                Bare bare = new Bare(modelDir, batches)) {
            List<List<SignalInput>> inputs = batches.stream()
                    .map(b -> b.stream()
                            .map(c -> new SignalInput(c, 640, 480, 50_000, ImageFormat.JPEG, null))
                            .toList())
                    .toList();
            double maxDiff = check(signal, bare, inputs);
            for (int b = 0; b < BATCHES; b++) { // warm-up: one pass each
                signal.computeBatch(inputs.get(b));
                bare.run(b);
            }
            double roundSeconds = Math.max(0.5, (double) seconds / ROUNDS);
            long[] bareTotal = new long[2];
            long[] signalTotal = new long[2];
            long[] tokeniseTotal = new long[2];
            for (int round = 0; round < ROUNDS; round++) {
                add(bareTotal, timed(roundSeconds, b -> bare.run(b)));
                add(signalTotal, timed(roundSeconds, b -> signal.computeBatch(inputs.get(b))));
                add(tokeniseTotal, timed(roundSeconds / 4, b -> bare.tokenise(batches.get(b))));
            }
            double bareRate = bareTotal[0] / (bareTotal[1] / 1e9);
            double signalRate = signalTotal[0] / (signalTotal[1] / 1e9);
            double tokeniseRate = tokeniseTotal[0] / (tokeniseTotal[1] / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "%nmodel %s (vocab %d), %d batches of %d captions (3-40 words, %.1f tokens on average), CPU,"
                            + " 1 thread, %d alternating rounds of %.1f s each%n",
                    signal.version().substring(2),
                    bare.vocab,
                    BATCHES,
                    BATCH,
                    bare.meanTokens(),
                    ROUNDS,
                    roundSeconds);
            System.out.printf(
                    Locale.ROOT, "bare ONNX Runtime session.run, same token batches   %,10.0f captions/s%n", bareRate);
            System.out.printf(
                    Locale.ROOT,
                    "perplexity signal (tokenise, pad, run, log-softmax) %,10.0f captions/s   ratio %.3f%n",
                    signalRate,
                    signalRate / bareRate);
            System.out.printf(
                    Locale.ROOT,
                    "(of which: DJL tokeniser batchEncode alone           %,10.0f captions/s, %.0f%% of the signal's"
                            + " time)%n",
                    tokeniseRate,
                    100 * signalRate / tokeniseRate);
            System.out.printf(
                    Locale.ROOT,
                    "check: perplexities from the bare run's logits match the signal's (max relative difference"
                            + " %.1e)%n",
                    maxDiff);
            if (tiny) {
                System.out.println("note: the tiny bigram LM's forward pass is a gather and a small matmul, so the"
                        + " ratio shows the Java-side cost alone, not what it costs next to a real LM; for that, pass"
                        + " a real export (optimum-cli export onnx --model gpt2 --task text-generation DIR):"
                        + " bench/run.sh perplexity SECONDS DIR");
            }
        }
    }

    private interface BatchRun {
        void run(int batch) throws Exception;
    }

    /** Runs batches in turn for about {@code seconds}; returns {captions, nanoseconds}. */
    private static long[] timed(double seconds, BatchRun body) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long captions = 0;
        int b = 0;
        long now;
        do {
            body.run(b);
            captions += BATCH;
            b = (b + 1) % BATCHES;
            now = System.nanoTime();
        } while (now < end);
        return new long[] {captions, now - start};
    }

    private static void add(long[] total, long[] round) {
        total[0] += round[0];
        total[1] += round[1];
    }

    /** Perplexities of every batch from the bare run's logits against the signal's; the largest relative difference. */
    private static double check(PerplexitySignal signal, Bare bare, List<List<SignalInput>> inputs) throws Exception {
        double max = 0;
        for (int b = 0; b < BATCHES; b++) {
            Double[] expected = bare.perplexities(b);
            List<List<Signal>> got = signal.computeBatch(inputs.get(b));
            for (int i = 0; i < BATCH; i++) {
                Double value = got.get(i).get(0).getValue();
                if ((value == null) != (expected[i] == null)) {
                    throw new IllegalStateException(
                            "batch " + b + " caption " + i + ": signal " + value + ", bare run " + expected[i]);
                }
                if (value != null) {
                    max = Math.max(max, Math.abs(value - expected[i]) / expected[i]);
                }
            }
        }
        if (max > 1e-6) {
            throw new IllegalStateException("the bare run does not see the signal's token batches: " + max);
        }
        return max;
    }

    /**
     * The model's session opened as the signal opens it (all optimisations, one intra-op thread, CPU) and every batch
     * tokenised, padded, sorted and chunked as {@link OnnxCausalLm#perplexities} does, its input tensors created once.
     */
    private static final class Bare implements AutoCloseable {
        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        private final OrtSession session;
        private final int vocab;
        private final List<List<Chunk>> chunks = new ArrayList<>();
        private final HuggingFaceTokenizer tokenizer;
        private long tokens;
        private long texts;

        /** One forward pass: rows of the batch (longest first), their lengths, and the inputs. */
        private record Chunk(int[] rows, int[] lengths, int length, long[] ids, Map<String, OnnxTensor> inputs) {}

        Bare(Path dir, List<List<String>> batches) throws Exception {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setIntraOpNumThreads(1);
                session = env.createSession(dir.resolve("model.onnx").toString(), options);
            }
            long[] shape = ((TensorInfo) session.getOutputInfo().get("logits").getInfo()).getShape();
            vocab = shape.length == 3 && shape[2] > 0 ? (int) shape[2] : 0;
            int chunkVocab = vocab > 0 ? vocab : 1 << 16;
            boolean positionIds = session.getInputNames().contains("position_ids");
            tokenizer = HuggingFaceTokenizer.newInstance(
                    dir.resolve("tokenizer.json"),
                    Map.of(
                            "padding",
                            "true",
                            "truncation",
                            "true",
                            "maxLength",
                            Integer.toString(OnnxCausalLm.MAX_TOKENS)));
            for (List<String> batch : batches) {
                chunks.add(chunk(tokenizer.batchEncode(batch), chunkVocab, positionIds));
            }
        }

        private List<Chunk> chunk(Encoding[] encodings, int chunkVocab, boolean positionIds) throws OrtException {
            int[] lengths = new int[encodings.length];
            for (int i = 0; i < encodings.length; i++) {
                for (long m : encodings[i].getAttentionMask()) {
                    lengths[i] += (int) m;
                }
                tokens += lengths[i];
                texts++;
            }
            int[] longestFirst = IntStream.range(0, lengths.length)
                    .filter(i -> lengths[i] >= 2)
                    .boxed()
                    .sorted(Comparator.comparingInt(i -> -lengths[i]))
                    .mapToInt(Integer::intValue)
                    .toArray();
            List<Chunk> out = new ArrayList<>();
            for (int start = 0; start < longestFirst.length; ) {
                int length = lengths[longestFirst[start]];
                long fit = MAX_LOGITS / ((long) length * chunkVocab);
                int n = (int) Math.max(1, Math.min(longestFirst.length - start, fit));
                int[] rows = Arrays.copyOfRange(longestFirst, start, start + n);
                long[] ids = new long[n * length];
                long[] mask = new long[ids.length];
                long[] positions = new long[ids.length];
                for (int r = 0; r < n; r++) {
                    long[] id = encodings[rows[r]].getIds();
                    long[] m = encodings[rows[r]].getAttentionMask();
                    System.arraycopy(id, 0, ids, r * length, Math.min(length, id.length));
                    System.arraycopy(m, 0, mask, r * length, Math.min(length, m.length));
                    for (int t = 0; t < length; t++) {
                        positions[r * length + t] = t < lengths[rows[r]] ? t : 1;
                    }
                }
                long[] shape = {n, length};
                Map<String, OnnxTensor> inputs = new HashMap<>();
                inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
                inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
                if (positionIds) {
                    inputs.put("position_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(positions), shape));
                }
                out.add(new Chunk(rows, lengths, length, ids, inputs));
                start += n;
            }
            return out;
        }

        /** The tokeniser call alone, with the signal's settings. */
        void tokenise(List<String> batch) {
            if (tokenizer.batchEncode(batch).length != batch.size()) {
                throw new IllegalStateException("tokeniser lost captions");
            }
        }

        double meanTokens() {
            return (double) tokens / texts;
        }

        /** The timed part: one {@code session.run} per chunk of the batch, results closed unread. */
        void run(int batch) throws OrtException {
            for (Chunk c : chunks.get(batch)) {
                try (OrtSession.Result result = session.run(c.inputs())) {
                    if (result.size() == 0) {
                        throw new IllegalStateException("no output");
                    }
                }
            }
        }

        /** Untimed: the batch's perplexities from this session's logits, computed independently of the signal. */
        Double[] perplexities(int batch) throws OrtException {
            Double[] out = new Double[BATCH];
            for (Chunk c : chunks.get(batch)) {
                try (OrtSession.Result result = session.run(c.inputs())) {
                    OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
                    int v = (int) logits.getInfo().getShape()[2];
                    FloatBuffer values = logits.getFloatBuffer();
                    for (int r = 0; r < c.rows().length; r++) {
                        int n = c.lengths()[c.rows()[r]];
                        double nll = 0;
                        for (int t = 1; t < n; t++) {
                            int offset = (r * c.length() + t - 1) * v;
                            double max = Double.NEGATIVE_INFINITY;
                            for (int k = 0; k < v; k++) {
                                max = Math.max(max, values.get(offset + k));
                            }
                            double sum = 0;
                            for (int k = 0; k < v; k++) {
                                sum += Math.exp(values.get(offset + k) - max);
                            }
                            int target = (int) c.ids()[r * c.length() + t];
                            nll -= values.get(offset + target) - max - Math.log(sum);
                        }
                        out[c.rows()[r]] = Math.exp(nll / (n - 1));
                    }
                }
            }
            return out;
        }

        @Override
        public void close() throws OrtException {
            for (List<Chunk> batch : chunks) {
                for (Chunk c : batch) {
                    c.inputs().values().forEach(OnnxTensor::close);
                }
            }
            tokenizer.close();
            session.close();
        }
    }

    private static final String[] SUBJECTS = {
        "a woman",
        "a young man",
        "two children",
        "an old fisherman",
        "a golden retriever",
        "a black cat",
        "a red sports car",
        "a plate of pasta",
        "a bowl of fresh fruit",
        "a wooden table",
        "the city skyline",
        "a mountain lake",
        "a group of friends",
        "a bride and groom",
        "a vintage bicycle",
        "a blue ceramic vase",
        "a cup of coffee",
        "a small wooden house",
        "a yellow school bus",
        "a pair of running shoes",
        "a modern kitchen",
        "a white sailboat",
        "an orange tabby kitten",
        "a green tractor",
        "a stack of old books"
    };
    private static final String[] ACTIONS = {
        "standing on", "walking along", "sitting next to", "playing in", "parked in front of", "served on",
        "displayed on", "looking out over", "reflected in", "surrounded by", "lying on", "hanging above",
        "resting against", "running across", "photographed from above near"
    };
    private static final String[] PLACES = {
        "a sandy beach at sunset", "a busy street in the rain", "a snowy forest", "a white background",
        "a wooden dock", "the living room floor", "a crowded market", "a green meadow with wildflowers",
        "an empty parking lot", "a marble countertop", "the edge of a cliff", "a quiet country road",
        "a red brick wall", "a stone bridge over a river", "a neon lit alley at night"
    };
    private static final String[] EXTRAS = {
        "stock photo",
        "high resolution",
        "close up",
        "with shallow depth of field",
        "in black and white",
        "free download",
        "click to enlarge",
        "royalty free image",
        "on sale now",
        "IMG_4821.jpg",
        "sold out",
        "men's leather wallet brown RFID blocking",
        "4k wallpaper",
        "vector illustration of a blue circle",
        "a red square and a yellow star",
        "product photo",
        "shot on 35mm film",
        "landscape orientation"
    };

    /** {@value #BATCHES} batches of {@value #BATCH} alt-text-like captions, each cut to 3-40 words. */
    static List<List<String>> batches(Random random) {
        List<List<String>> out = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(caption(random, 3 + random.nextInt(38)));
            }
            out.add(batch);
        }
        return out;
    }

    private static String caption(Random random, int words) {
        List<String> out = new ArrayList<>();
        while (out.size() < words) {
            String phrase =
                    switch (out.isEmpty() ? 0 : random.nextInt(4)) {
                        case 0 -> pick(random, SUBJECTS) + " " + pick(random, ACTIONS) + " " + pick(random, PLACES);
                        case 1 -> "with " + pick(random, SUBJECTS);
                        case 2 ->
                            "and " + pick(random, SUBJECTS) + " " + pick(random, ACTIONS) + " " + pick(random, PLACES);
                        default -> pick(random, EXTRAS);
                    };
            out.addAll(List.of(phrase.split(" ")));
        }
        String caption = String.join(" ", out.subList(0, words));
        return Character.toUpperCase(caption.charAt(0)) + caption.substring(1);
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
