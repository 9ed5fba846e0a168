package dev.refinery.scorer.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.Route;
import dev.refinery.schemas.Signal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = new Router(RoutingPolicy.defaults());

    @Test
    void shouldKeepAGoodImageWithAGoodCaption() {
        var d = router.route(0, 0.71, signals(320, 1.3, 0, 0, 6, null));

        assertThat(d.route()).isEqualTo(Route.KEEP_CANDIDATE);
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void shouldRouteLowScoreToRewriteWhenImageIsGood() {
        var d = router.route(0, 0.05, signals(320, 1.3, 0, 0, 6, null));

        assertThat(d.route()).isEqualTo(Route.REWRITE);
        assertThat(d.reasons()).containsExactly("low_clip_score");
    }

    @Test
    void shouldRouteBoilerplateCaptionToRewriteWithItsKind() {
        var d = router.route(0, 0.5, signals(320, 1.3, 0, 1, 1, "file_name"));

        assertThat(d.route()).isEqualTo(Route.REWRITE);
        assertThat(d.reasons()).contains("boilerplate_caption:file_name", "few_caption_words");
    }

    @Test
    void shouldRejectWhenTheImageFailsItsRulesWhateverTheCaption() {
        var small = router.route(0, 0.05, signals(40, 1.0, 0, 1, 1, "generic"));
        var elongated = router.route(0, 0.9, signals(320, 4.5, 0, 0, 6, null));

        assertThat(small.route()).isEqualTo(Route.REJECT);
        assertThat(small.reasons()).containsExactly("rule:min_side");
        assertThat(elongated.reasons()).containsExactly("rule:aspect_ratio");
    }

    @Test
    void shouldNeverSendARewriteBackToTheRewriter() {
        var d = router.route(1, 0.05, signals(320, 1.3, 0, 0, 6, null));

        assertThat(d.route()).isEqualTo(Route.REJECT);
        assertThat(d.reasons()).containsExactly("low_clip_score", "poor_after_rewrite");
    }

    @Test
    void shouldRejectConfidentlyForeignCaptionsOnlyWhenThePolicyNamesLanguages() {
        var english = new RoutingPolicy("en", 64, 3, true, 0.2, 2, true, List.of("en"), 0.8);
        List<Signal> german = new ArrayList<>(signals(320, 1.3, 0, 0, 6, null));
        german.add(new Signal("language", "1", 0.97, "de"));

        assertThat(new Router(english).route(0, 0.6, german).reasons()).containsExactly("rule:language");
        assertThat(router.route(0, 0.6, german).route()).isEqualTo(Route.KEEP_CANDIDATE);
    }

    @Test
    void shouldVersionThePolicyByItsContent() {
        var a = RoutingPolicy.defaults();
        var b = new RoutingPolicy("default", 64, 3.0, true, 0.25, 2, true, List.of(), 0.9);

        assertThat(a.version()).isEqualTo(RoutingPolicy.defaults().version()).startsWith("default-");
        assertThat(b.version()).isNotEqualTo(a.version());
    }

    private static List<Signal> signals(
            double minSide, double aspect, double tinyFile, double boilerplate, double words, String boilerplateKind) {
        return List.of(
                new Signal("min_side", "1", minSide, null),
                new Signal("aspect_ratio", "1", aspect, null),
                new Signal("laion_image_too_small", "1", tinyFile, null),
                new Signal("boilerplate_caption", "1", boilerplate, boilerplateKind),
                new Signal("caption_words", "1", words, null),
                new Signal("laion_alt_too_short", "1", 0.0, null));
    }
}
