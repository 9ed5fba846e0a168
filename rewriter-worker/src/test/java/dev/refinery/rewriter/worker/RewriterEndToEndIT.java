package dev.refinery.rewriter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.rewriter.RewriterFixtures;
import dev.refinery.rewriter.RewriterService;
import dev.refinery.rewriter.config.RewriterConfig;
import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.scorer.ScorerFixtures;
import dev.refinery.scorer.ScorerService;
import dev.refinery.scorer.config.ScorerConfig;
import dev.refinery.scorer.demo.DemoImage;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Scorer → rewriter → scorer on the real broker, registry and S3, with the embedded model and the rules strategy. */
@ExtendWith(RefineryInfraExtension.class)
class RewriterEndToEndIT {

    @Test
    void shouldBringPairsRoutedToRewriteBackReScoredAsRevisionOneWithProvenance(Infra infra, @TempDir Path dir)
            throws Exception {
        PlatformConfig platform = TestPlatforms.create(infra);
        List<DemoImage> images = ScorerFixtures.demoImages(20);
        Map<String, String> fileNamed = new HashMap<>();
        try (var producer = ScorerFixtures.producer(infra)) {
            for (int i = 0; i < images.size(); i++) {
                DemoImage img = images.get(i);
                String matched = ScorerFixtures.matched(img, i);
                boolean crawlerNoise = i % 2 == 0;
                String caption = crawlerNoise ? String.format(Locale.ROOT, "IMG_%04d.JPG", 2000 + i) : matched;
                var pair = ScorerFixtures.publish(
                        infra,
                        platform,
                        producer,
                        img.bytes(),
                        ImageFormat.valueOf(img.format().toUpperCase(Locale.ROOT)),
                        img.width(),
                        img.height(),
                        caption,
                        Map.of("title", matched + " | Shapes Blog"),
                        i);
                if (crawlerNoise) {
                    fileNamed.put(pair.getPairId(), matched);
                }
            }
        }
        Map<String, String> env = new HashMap<>(TestPlatforms.environment(platform));
        env.putAll(Map.of(
                "REFINERY_SCORER_GPU", "off",
                "REFINERY_SCORER_BATCH_MAX_DELAY_MS", "100",
                "REFINERY_SCORER_MODEL_CACHE", dir.resolve("models").toString(),
                "REFINERY_REWRITER_BATCH_MAX_DELAY_MS", "100"));
        try (ScorerService scorer = ScorerService.start(
                        platform, ScorerConfig.fromEnv(Env.of(env)), Map.of(), new SimpleMeterRegistry(), null);
                RewriterService rewriter = RewriterService.start(
                        platform, RewriterConfig.fromEnv(Env.of(env)), Map.of(), new SimpleMeterRegistry(), null)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> settled(infra, platform));
            assertThat(scorer.worker().failure()).isNull();
            assertThat(rewriter.worker().failure()).isNull();
        }

        List<ScoredPair> scored = RewriterFixtures.scored(infra, platform);
        assertThat(RewriterFixtures.deadLetters(infra, platform)).isEmpty();
        Map<String, ScoredPair> originals = scored.stream()
                .filter(s -> s.getPair().getRevision() == 0)
                .collect(Collectors.toMap(s -> s.getPair().getPairId(), Function.identity()));
        List<String> routed = originals.values().stream()
                .filter(s -> s.getRoute() == Route.REWRITE)
                .map(s -> s.getPair().getPairId())
                .toList();
        List<ScoredPair> rewrites =
                scored.stream().filter(s -> s.getPair().getRevision() == 1).toList();
        assertThat(originals).hasSize(20);
        // file-named captions of images that pass the image rules (tiny files are rejected instead)
        assertThat(fileNamed.keySet()).containsAll(routed);
        assertThat(routed).hasSizeGreaterThanOrEqualTo(5);
        assertThat(rewrites.stream().map(r -> r.getPair().getPairId())).containsExactlyInAnyOrderElementsOf(routed);
        assertThat(rewrites).allSatisfy(r -> {
            String id = r.getPair().getPairId();
            ScoredPair original = originals.get(id);
            var provenance = r.getPair().getProvenance();
            assertThat(r.getPair().getCaption()).isEqualToIgnoringCase(fileNamed.get(id));
            assertThat(provenance.getOriginalCaption())
                    .isEqualTo(original.getPair().getCaption());
            assertThat(provenance.getStrategy()).isEqualTo("rules");
            assertThat(provenance.getPromptVersion()).startsWith("rules/");
            assertThat(provenance.getEditRatio()).isEqualTo(1.0);
            assertThat(r.getPair().getMetadata())
                    .as("a file-name original has nothing to preserve: exempt from the edit ceiling")
                    .doesNotContainKey(Revisions.FLAG_KEY);
            assertThat(r.getPair().getImageId()).isEqualTo(original.getPair().getImageId());
            assertThat(r.getRoute()).isEqualTo(Route.KEEP_CANDIDATE);
            assertThat(r.getClipScore()).isGreaterThan(original.getClipScore());
        });
    }

    /** Every original scored, and every rewrite-routed one rewritten (or dead-lettered) and re-scored. */
    private static boolean settled(Infra infra, PlatformConfig platform) {
        List<ScoredPair> scored = RewriterFixtures.scored(infra, platform);
        long originals =
                scored.stream().filter(s -> s.getPair().getRevision() == 0).count();
        long routed = scored.stream()
                .filter(s -> s.getPair().getRevision() == 0 && s.getRoute() == Route.REWRITE)
                .count();
        long rescored = scored.size() - originals;
        long rewritten = RewriterFixtures.rewritten(infra, platform).size();
        long failed = RewriterFixtures.deadLetters(infra, platform).size();
        return originals == 20 && rewritten + failed == routed && rescored == rewritten;
    }
}
