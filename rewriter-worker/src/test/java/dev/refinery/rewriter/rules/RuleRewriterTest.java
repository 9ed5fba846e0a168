package dev.refinery.rewriter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.rewriter.strategy.RewriteRequest;
import dev.refinery.rewriter.strategy.RewriteResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleRewriterTest {
    private final RuleRewriter rewriter = new RuleRewriter();

    @Test
    void shouldBeNamedRules() {
        assertThat(rewriter.name()).isEqualTo("rules");
    }

    @Test
    void shouldRecordRulesVersionAndNoModel() {
        RewriteResult result = rewrite("IMG_0042.JPG golden retriever", Map.of());

        assertThat(result).isEqualTo(new RewriteResult.Rewritten("Golden retriever", null, "rules/1", null));
    }

    @Test
    void shouldUseAltMetadataWhenCaptionCleansToNothing() {
        RewriteResult result = rewrite("DSC01234", Map.of("alt", "Sailing boat on Lake Geneva"));

        assertThat(caption(result)).isEqualTo("Sailing boat on Lake Geneva");
    }

    @Test
    void shouldUsePageTitleKeyWhenTitleIsAbsent() {
        RewriteResult result = rewrite("", Map.of("page_title", "Red vintage tram in Lisbon | Travel Notes"));

        assertThat(caption(result)).isEqualTo("Red vintage tram in Lisbon");
    }

    @Test
    void shouldPreferTitleOverPageTitle() {
        RewriteResult result = rewrite("", Map.of("title", "Snowy mountain hut at dawn", "page_title", "Alpine Blog"));

        assertThat(caption(result)).isEqualTo("Snowy mountain hut at dawn");
    }

    @Test
    void shouldFillEmptyCaptionFromFirstInformativeContextSentence() {
        Map<String, String> metadata =
                Map.of("context", "Gallery. A blacksmith shapes a horseshoe on the anvil. Prices on request.");

        assertThat(caption(rewrite("image", metadata))).isEqualTo("A blacksmith shapes a horseshoe on the anvil.");
    }

    @Test
    void shouldExtendShortCaptionWithSurroundingTextSentenceThatMentionsIt() {
        Map<String, String> metadata = Map.of(
                "surrounding_text", "Our shop opens at nine. The anvil in our forge is over a hundred years old.");

        assertThat(caption(rewrite("anvil", metadata)))
                .isEqualTo("The anvil in our forge is over a hundred years old.");
    }

    @Test
    void shouldKeepShortCaptionWhenTitleIsAboutSomethingElse() {
        RewriteResult result = rewrite("IMG_0042.JPG dog", Map.of("title", "Best hiking trails in Colorado"));

        assertThat(caption(result)).isEqualTo("Dog");
    }

    @Test
    void shouldIgnoreBlankMetadataValues() {
        Map<String, String> metadata = Map.of("title", "", "page_title", " ", "context", "", "alt", "\t");

        RewriteResult result = rewrite("IMG_0042.JPG", metadata);

        assertThat(result).isInstanceOf(RewriteResult.Failed.class);
        assertThat(((RewriteResult.Failed) result).reason()).isEqualTo(RuleRewriter.EMPTY);
    }

    @Test
    void shouldTreatNullCaptionAsEmpty() {
        RewriteResult result = rewriter.rewrite(new RewriteRequest("p-1", null, Map.of(), List.of(), null));

        assertThat(result).isInstanceOf(RewriteResult.Failed.class);
        assertThat(((RewriteResult.Failed) result).reason()).isEqualTo(RuleRewriter.EMPTY);
    }

    @Test
    void shouldCutLongCaptionAtWordBoundary() {
        String caption = "A very long description of a market square with stalls ".repeat(40) + "&amp;";

        String rewritten = caption(rewrite(caption, Map.of()));

        assertThat(rewritten)
                .hasSizeLessThanOrEqualTo(RuleRewriter.MAX_CAPTION_CHARS)
                .startsWith("A very long");
        assertThat(caption).startsWith(rewritten);
    }

    @Test
    void shouldLeaveItsOwnOutputUnchanged() {
        for (List<String> row : CrawlCaptions.rows()) {
            String expected = row.get(2);
            if (!expected.startsWith("<")) {
                assertThat(rewrite(expected, Map.of()))
                        .as(expected)
                        .isInstanceOf(RewriteResult.Failed.class)
                        .extracting(result -> ((RewriteResult.Failed) result).reason())
                        .isEqualTo(RuleRewriter.UNCHANGED);
            }
        }
    }

    private RewriteResult rewrite(String caption, Map<String, String> metadata) {
        return rewriter.rewrite(new RewriteRequest("p-1", caption, metadata, List.of("boilerplate_caption"), null));
    }

    private static String caption(RewriteResult result) {
        assertThat(result).isInstanceOf(RewriteResult.Rewritten.class);
        return ((RewriteResult.Rewritten) result).caption();
    }
}
