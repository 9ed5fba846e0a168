package dev.refinery.rewriter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.rewriter.strategy.RewriteRequest;
import dev.refinery.rewriter.strategy.RewriteResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The crawl-caption table in {@code rules/crawl-captions.tsv}; see {@link CrawlCaptions} for its format. */
class CrawlCaptionTableTest {
    private final RuleRewriter rewriter = new RuleRewriter();

    @ParameterizedTest(name = "[{index}] {0} | {1} -> {2}")
    @MethodSource("dev.refinery.rewriter.rules.CrawlCaptions#cases")
    void shouldRewriteCrawlCaptionAsACarefulEditorWould(String original, String pageTitle, String expected) {
        Map<String, String> metadata = pageTitle.isEmpty() ? Map.of() : Map.of("title", pageTitle);

        RewriteResult result = rewriter.rewrite(new RewriteRequest("p-1", original, metadata, List.of(), null));

        assertThat(outcome(result)).isEqualTo(expected);
    }

    @Test
    void shouldHaveAtLeastFiftyCasesIncludingUnchangedAndEmpty() {
        List<List<String>> rows = CrawlCaptions.rows();

        assertThat(rows).hasSizeGreaterThanOrEqualTo(50);
        assertThat(rows).extracting(row -> row.get(2)).contains(CrawlCaptions.UNCHANGED, CrawlCaptions.EMPTY);
    }

    /** The caption of a rewrite, or the table's marker for a failure. */
    private static String outcome(RewriteResult result) {
        return switch (result) {
            case RewriteResult.Rewritten rewritten -> rewritten.caption();
            case RewriteResult.Failed failed
            when failed.reason().equals(RuleRewriter.UNCHANGED) -> CrawlCaptions.UNCHANGED;
            case RewriteResult.Failed failed when failed.reason().equals(RuleRewriter.EMPTY) -> CrawlCaptions.EMPTY;
            case RewriteResult.Failed failed -> failed.reason() + ": " + failed.message();
        };
    }
}
