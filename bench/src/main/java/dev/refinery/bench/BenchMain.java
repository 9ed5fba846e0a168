package dev.refinery.bench;

import dev.refinery.runtime.TestPairs;
import dev.refinery.schemas.ScoredPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a benchmark and prints each result with its ratio against the baseline measured in the same run. Usage:
 * {@code bench/run.sh serde [--quick]}.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("ingest")) {
            IngestBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 2000);
            return;
        }
        if (args.length > 0 && args[0].equals("image")) {
            ImageBench.run(200, args.length > 1 ? Integer.parseInt(args[1]) : 10);
            return;
        }
        if (args.length == 4 && args[0].equals("image-path")) {
            ImageBench.measureOnePath(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args.length > 0 && args[0].equals("scorer-vit-b32")) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("vit-b32");
            dev.refinery.scorer.model.VitB32ShapedModel.write(dir, 42);
            ScorerBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 256, dir);
            return;
        }
        if (args.length > 0 && args[0].equals("rewriter")) {
            RewriterBench.run(
                    5000,
                    args.length > 1 ? Integer.parseInt(args[1]) : 5,
                    args.length > 2 ? Integer.parseInt(args[2]) : 400,
                    50,
                    8);
            return;
        }
        if (args.length > 0 && args[0].equals("selector")) {
            SelectorBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
            return;
        }
        if (args.length > 0 && args[0].equals("replay")) {
            ReplayBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
            return;
        }
        if (args.length > 0 && args[0].equals("lag")) {
            LagBench.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 20, args.length > 2 ? Integer.parseInt(args[2]) : 12);
            return;
        }
        if (args.length > 0 && args[0].equals("perplexity")) {
            PerplexityBench.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 10,
                    args.length > 2 ? java.nio.file.Path.of(args[2]) : null);
            return;
        }
        if (args.length > 0 && args[0].equals("scorer")) {
            ScorerBench.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 1000,
                    args.length > 2 ? java.nio.file.Path.of(args[2]) : null);
            return;
        }
        if (args.length == 0 || !args[0].equals("serde")) {
            System.err.println(
                    "usage: bench/run.sh serde [--quick] | ingest [PAIRS] | image [SECONDS] | scorer [PAIRS [MODEL_DIR]] | scorer-vit-b32 [PAIRS] | rewriter [SECONDS [VLM_REQUESTS]] | selector [PAIRS]"
                            + " | replay [PAIRS] | perplexity [SECONDS [MODEL_DIR]] | lag [GROUPS [PARTITIONS]]");
            System.exit(2);
        }
        boolean quick = args.length > 1 && args[1].equals("--quick");
        Options options = new OptionsBuilder()
                .include(SerdeBenchmark.class.getName())
                .forks(1)
                .threads(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 3))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 3))
                .jvmArgsAppend("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        report(results, "plainAvroBinary");
        System.out.println("record: ScoredPair of " + encodedSize(TestPairs.scoredPair(7)) + " bytes (Avro binary)");
    }

    private static int encodedSize(ScoredPair pair) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<>(ScoredPair.class).write(pair, encoder);
        encoder.flush();
        return out.size();
    }

    private static void report(Collection<RunResult> results, String baselineName) {
        Map<String, double[]> scores = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            scores.put(name, new double[] {
                r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()
            });
        }
        double baseline = scores.get(baselineName)[0];
        System.out.println();
        System.out.println("benchmark                        ops/s (±99.9% CI)          ratio vs " + baselineName);
        scores.forEach((name, s) -> System.out.println(
                String.format(Locale.ROOT, "%-32s %12.0f ± %-10.0f %8.3f", name, s[0], s[1], s[0] / baseline)));
    }
}
