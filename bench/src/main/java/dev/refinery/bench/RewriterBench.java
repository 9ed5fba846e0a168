package dev.refinery.bench;

import dev.refinery.rewriter.rules.RuleRewriter;
import dev.refinery.rewriter.strategy.ImageAccess;
import dev.refinery.rewriter.strategy.RewriteRequest;
import dev.refinery.rewriter.strategy.RewriteResult;
import dev.refinery.rewriter.vlm.OpenAiStubServer;
import dev.refinery.rewriter.vlm.VlmConfig;
import dev.refinery.rewriter.vlm.VlmStrategy;
import java.net.URI;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rewriter throughput. (a) {@code rules} rewrites/s on one thread over generated crawl alt texts, against the
 * cheapest text pass every caption already gets (NFC plus whitespace collapse) on the same captions. (b) {@code vlm}
 * against a loopback OpenAI chat-completions server with a fixed latency: the achieved concurrency (rewrites/s times
 * latency) against the configured maximum, and the peak in flight seen by the server.
 */
final class RewriterBench {
    private static final String[] NOISE = {
        "IMG_%04d.JPG",
        "DSC0%04d",
        "image%03d.png",
        "photo-%06d.jpeg",
        "click here",
        "stock photo",
        "&amp;",
        "<b>",
        "</b>"
    };
    private static final String[] WORDS = {
        "red",
        "vintage",
        "car",
        "on",
        "a",
        "street",
        "golden",
        "retriever",
        "puppy",
        "in",
        "the",
        "snow",
        "wooden",
        "table",
        "with",
        "coffee",
        "cup",
        "mountain",
        "lake",
        "at",
        "sunset",
        "woman",
        "wearing",
        "blue",
        "dress"
    };

    private RewriterBench() {}

    static void run(int captions, int seconds, int vlmRequests, long latencyMs, int maxConcurrency) throws Exception {
        List<String> texts = crawlCaptions(captions, new Random(7));
        RuleRewriter rules = new RuleRewriter();
        ImageAccess noImage = new NoImage();
        double baseline = perSecond(texts, seconds, t -> spaces(Normalizer.normalize(t, Normalizer.Form.NFC)));
        double rulesRate = perSecond(texts, seconds, t -> rules.rewrite(
                        new RewriteRequest("p", t, Map.of("title", "Vintage red car | Auto Blog"), List.of(), noImage))
                .getClass()
                .getSimpleName());
        System.out.printf(
                Locale.ROOT,
                "rules: %,.0f rewrites/s on one thread; baseline NFC + whitespace %,.0f captions/s; ratio %.4f%n",
                rulesRate,
                baseline,
                rulesRate / baseline);
        vlm(vlmRequests, latencyMs, maxConcurrency);
    }

    private static void vlm(int requests, long latencyMs, int maxConcurrency) throws Exception {
        try (OpenAiStubServer server = new OpenAiStubServer("bench-vlm", null)) {
            server.fixedLatency(latencyMs);
            VlmConfig config = VlmConfig.builder(server.baseUrl(), "bench-vlm")
                    .maxConcurrency(maxConcurrency)
                    .requestTimeout(Duration.ofSeconds(30))
                    .build();
            ImageAccess image = new FixedImage();
            try (VlmStrategy vlm = new VlmStrategy(config);
                    ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                vlm.rewrite(new RewriteRequest("warm", "IMG_1.jpg", Map.of(), List.of(), image));
                long start = System.nanoTime();
                List<Future<RewriteResult>> results = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    String caption = "IMG_" + i + ".jpg";
                    results.add(callers.submit(
                            () -> vlm.rewrite(new RewriteRequest("p" + caption, caption, Map.of(), List.of(), image))));
                }
                long ok = 0;
                for (Future<RewriteResult> f : results) {
                    ok += f.get() instanceof RewriteResult.Rewritten ? 1 : 0;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = requests / seconds;
                double achieved = rate * latencyMs / 1000.0;
                System.out.printf(
                        Locale.ROOT,
                        "vlm: %d requests, %d ms fixed latency, max concurrency %d: %.1f rewrites/s (%d rewritten),"
                                + " achieved concurrency %.2f, ratio %.3f of the configured maximum;"
                                + " peak in flight: client %d, server %d%n",
                        requests,
                        latencyMs,
                        maxConcurrency,
                        rate,
                        ok,
                        achieved,
                        achieved / maxConcurrency,
                        vlm.peakInFlight(),
                        server.peakConcurrent());
            }
        }
    }

    private interface TextOp {
        Object apply(String text);
    }

    private static double perSecond(List<String> texts, int seconds, TextOp op) {
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += op.apply(texts.get(i % texts.size())).hashCode();
        }
        long count = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sink += op.apply(texts.get((int) (count++ % texts.size()))).hashCode();
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static String spaces(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Alt texts as crawls hold them: file names, boilerplate, entities and markup around a few real words. */
    static List<String> crawlCaptions(int n, Random random) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            if (random.nextInt(3) == 0) {
                b.append(String.format(Locale.ROOT, NOISE[random.nextInt(4)], random.nextInt(10_000)))
                        .append(' ');
            }
            int words = 1 + random.nextInt(8);
            for (int w = 0; w < words; w++) {
                b.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                if (random.nextInt(10) == 0) {
                    b.append(NOISE[4 + random.nextInt(NOISE.length - 4)]).append(' ');
                }
            }
            out.add(b.toString().strip());
        }
        return out;
    }

    private static final class NoImage implements ImageAccess {
        @Override
        public byte[] bytes() {
            throw new UnsupportedOperationException("rules never read the image");
        }

        @Override
        public String mediaType() {
            return "image/jpeg";
        }

        @Override
        public URI presignedUrl(Duration ttl) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class FixedImage implements ImageAccess {
        private static final byte[] JPEG = new byte[16 * 1024];

        @Override
        public byte[] bytes() {
            return JPEG;
        }

        @Override
        public String mediaType() {
            return "image/jpeg";
        }

        @Override
        public URI presignedUrl(Duration ttl) {
            throw new UnsupportedOperationException("data URLs only");
        }
    }
}
