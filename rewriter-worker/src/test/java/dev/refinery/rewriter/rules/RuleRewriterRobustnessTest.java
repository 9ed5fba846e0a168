package dev.refinery.rewriter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.rewriter.strategy.RewriteRequest;
import dev.refinery.rewriter.strategy.RewriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RuleRewriterRobustnessTest {
    private static final String CRAWL_ALPHABET =
            "<>&#;:/.-_|()[]{}©!?,* aAbZ019xX@\t\n\u00a0\u200b\u200d\u0301\u202eé中文ا한😀\uD83D\uDE00\uD800";
    private final RuleRewriter rewriter = new RuleRewriter();

    static Stream<String> adversarial() {
        return Stream.of(
                "",
                " \t\n ",
                "\u0000\u0001\u0007",
                "\uD800",
                "\uDE00 lone low surrogate \uD83D",
                "a".repeat(1_000_000),
                "red ".repeat(250_000),
                "<a ".repeat(300_000),
                "&#".repeat(500_000),
                "&#99999999;&#x110000;&#0;&#xD800;",
                "- ".repeat(500_000) + "x",
                "-".repeat(1_000_000) + "x",
                " ,".repeat(300_000) + "x",
                "http://".repeat(100_000),
                "a@".repeat(300_000),
                "{{".repeat(300_000),
                "促销".repeat(300_000),
                "© ".repeat(300_000),
                "stock photo ".repeat(100_000) + "cat",
                "a_".repeat(300_000),
                "😀".repeat(100_000),
                "\u202eRTL override text\u202c",
                "مرحبا بالعالم" + " \u200f".repeat(1000));
    }

    @ParameterizedTest
    @MethodSource("adversarial")
    void shouldNeverThrowAndStayWithinLimits(String caption) {
        Map<String, String> metadata = Map.of("title", caption, "context", caption, "alt", caption);

        RewriteResult result = rewriter.rewrite(new RewriteRequest("p-1", caption, metadata, List.of(), null));

        assertWellFormed(result);
    }

    @Test
    void shouldNeverThrowOnRandomCrawlLikeText() {
        Random random = new Random(20240611L);
        List<RewriteResult> results = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String caption = randomText(random, random.nextInt(300));
            String title = randomText(random, random.nextInt(80));
            RewriteRequest request = new RewriteRequest("p-" + i, caption, Map.of("title", title), List.of(), null);
            results.add(rewriter.rewrite(request));
        }

        results.forEach(RuleRewriterRobustnessTest::assertWellFormed);
    }

    @Test
    void shouldStayFastOnHugeCaptions() {
        String wall = "best cheap hotel deals paris rome london ".repeat(25_000);

        long start = System.nanoTime();
        rewriter.rewrite(new RewriteRequest("p-1", wall, Map.of("title", wall, "context", wall), List.of(), null));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(2_000);
    }

    private static void assertWellFormed(RewriteResult result) {
        assertThat(result).isNotNull();
        if (result instanceof RewriteResult.Failed failed) {
            assertThat(failed.reason()).isIn(RuleRewriter.EMPTY, RuleRewriter.UNCHANGED);
        } else if (result instanceof RewriteResult.Rewritten rewritten) {
            assertThat(rewritten.caption()).isNotBlank().hasSizeLessThanOrEqualTo(RuleRewriter.MAX_CAPTION_CHARS);
            assertThat(Character.isHighSurrogate(
                            rewritten.caption().charAt(rewritten.caption().length() - 1)))
                    .isFalse();
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(10) == 0) {
                out.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
            } else {
                out.append(CRAWL_ALPHABET.charAt(random.nextInt(CRAWL_ALPHABET.length())));
            }
        }
        return out.toString();
    }
}
