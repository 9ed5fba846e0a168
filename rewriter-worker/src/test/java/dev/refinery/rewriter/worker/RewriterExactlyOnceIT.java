package dev.refinery.rewriter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.rewriter.RewriterFixtures;
import dev.refinery.rewriter.RewriterService;
import dev.refinery.rewriter.config.RewriterConfig;
import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.RawPair;
import dev.refinery.scorer.ScorerFixtures;
import dev.refinery.testkit.ChildJvm;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RefineryInfraExtension.class)
class RewriterExactlyOnceIT {
    private static final int REWRITABLE = 57;
    private static final int GOOD = 3;

    @Test
    void shouldRewriteEachPairExactlyOnceAcrossAKillInTheMiddleOfATransaction(Infra infra, @TempDir Path dir)
            throws Exception {
        PlatformConfig platform = TestPlatforms.create(infra);
        try (var producer = ScorerFixtures.producer(infra)) {
            for (int i = 0; i < REWRITABLE + GOOD; i++) {
                String caption = i < REWRITABLE
                        ? String.format(Locale.ROOT, "IMG_%04d.jpg red red red circle on white", i)
                        : "A red circle on a white background"; // nothing to fix: an outcome, not a rewrite
                RewriterFixtures.publishToRewrite(
                        infra,
                        platform,
                        producer,
                        RewriterFixtures.routedToRewrite(i, caption, Map.of(), "boilerplate_caption:file_name"));
            }
        }
        Map<String, String> env = new HashMap<>(TestPlatforms.environment(platform));
        env.putAll(Map.of(
                "REFINERY_REWRITER_BATCH_SIZE", "10",
                "REFINERY_REWRITER_BATCH_MAX_DELAY_MS", "200",
                "REFINERY_REWRITER_GROUP_ID", "rewriter-it",
                "REFINERY_REWRITER_TRANSACTIONAL_ID", "rewriter-it-0",
                "REFINERY_REWRITER_HTTP_PORT", "0",
                "KAFKA_SESSION_TIMEOUT_MS", "6000",
                "KAFKA_HEARTBEAT_INTERVAL_MS", "1000"));
        Path log = dir.resolve("rewriter-1.log");
        Map<String, String> childEnv = new HashMap<>(env);
        childEnv.put("REFINERY_REWRITER_TEST_HANG_BEFORE_COMMIT", "3");
        Process first = ChildJvm.launchMain("dev.refinery.rewriter.RewriterMain", childEnv, log);
        try {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("TEST HOOK: hanging"));
        } finally {
            first.destroyForcibly().waitFor(); // kill -9 with batch 3 sent but not committed
        }
        int committed = RewriterFixtures.rewritten(infra, platform).size()
                + RewriterFixtures.deadLetters(infra, platform).size();
        assertThat(committed).as("batches 1 and 2 committed").isEqualTo(20);

        RewriterConfig config = RewriterConfig.fromEnv(Env.of(env));
        Map<String, Object> kafka = Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000");
        try (RewriterService second = RewriterService.start(platform, config, kafka, new SimpleMeterRegistry(), null)) {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> RewriterFixtures.rewritten(infra, platform).size()
                                    + RewriterFixtures.deadLetters(infra, platform)
                                            .size()
                            >= REWRITABLE + GOOD);
            assertThat(second.worker().failure()).isNull();
        }

        List<RawPair> rewritten = RewriterFixtures.rewritten(infra, platform);
        assertThat(rewritten).hasSize(REWRITABLE);
        assertThat(rewritten.stream().map(RawPair::getPairId).distinct()).hasSize(REWRITABLE);
        assertThat(rewritten).allSatisfy(p -> {
            assertThat(p.getRevision()).isEqualTo(1);
            assertThat(p.getCaption()).isEqualTo("Red circle on white");
            assertThat(p.getProvenance().getStrategy()).isEqualTo("rules");
            assertThat(p.getProvenance().getOriginalCaption()).startsWith("IMG_");
            assertThat(p.getProvenance().getEditRatio()).isBetween(0.0, 1.0);
        });
        List<DeadLetter> dlq = RewriterFixtures.deadLetters(infra, platform);
        assertThat(dlq).hasSize(GOOD).allSatisfy(d -> {
            assertThat(d.getStage()).isEqualTo("rewriter");
            assertThat(d.getReason()).isEqualTo("rewrite.unchanged");
            assertThat(d.getSourceTopic()).isEqualTo(platform.topics().pairsRewrite());
        });
    }
}
