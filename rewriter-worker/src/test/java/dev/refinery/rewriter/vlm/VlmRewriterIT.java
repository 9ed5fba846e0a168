package dev.refinery.rewriter.vlm;

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
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worker with the {@code vlm} strategy against a loopback OpenAI chat-completions server that answers well,
 * malformed, with 5xx and too late: every pair ends as exactly one outcome and the worker keeps running.
 */
@ExtendWith(RefineryInfraExtension.class)
class VlmRewriterIT {
    private static final int PAIRS = 20;

    @Test
    void shouldTurnEveryBackendFailureIntoAnOutcomeWithoutLosingAPair(Infra infra) throws Exception {
        PlatformConfig platform = TestPlatforms.create(infra);
        byte[] jpeg = ScorerFixtures.demoImages(1).get(0).bytes();
        try (var server = new OpenAiStubServer("aitqe-test", "secret");
                var producer = ScorerFixtures.producer(infra)) {
            List<StubReply> script = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                script.add(StubReply.good());
            }
            for (int i = 0; i < 4; i++) {
                script.add(StubReply.answer("{\"overall_score\": 2, \"recaption\": \"A dog"));
            }
            script.add(StubReply.error(500, "overloaded"));
            script.add(StubReply.error(503, "unavailable"));
            server.enqueue(script.toArray(StubReply[]::new));
            server.always(StubReply.good().delayed(3_000)); // beyond the request timeout
            for (int i = 0; i < PAIRS; i++) {
                var scored = RewriterFixtures.routedToRewrite(i, "IMG_" + i + ".jpg", Map.of(), "low_clip_score");
                RewriterFixtures.publishToRewrite(
                        infra, platform, producer, RewriterFixtures.withStoredImage(platform, scored, jpeg));
            }
            Map<String, String> env = new HashMap<>(TestPlatforms.environment(platform));
            env.putAll(Map.of(
                    "REFINERY_REWRITER_STRATEGY", "vlm",
                    "REFINERY_REWRITER_VLM_URL", server.baseUrl().toString(),
                    "REFINERY_REWRITER_VLM_MODEL", "aitqe-test",
                    "REFINERY_REWRITER_VLM_API_KEY", "secret",
                    "REFINERY_REWRITER_VLM_TIMEOUT_MS", "500",
                    "REFINERY_REWRITER_VLM_MAX_ATTEMPTS", "2",
                    "REFINERY_REWRITER_VLM_BREAKER_FAILURES", "100",
                    "REFINERY_REWRITER_BATCH_MAX_DELAY_MS", "100"));
            try (RewriterService rewriter = RewriterService.start(
                    platform, RewriterConfig.fromEnv(Env.of(env)), Map.of(), new SimpleMeterRegistry(), null)) {
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> RewriterFixtures.rewritten(infra, platform).size()
                                        + RewriterFixtures.deadLetters(infra, platform)
                                                .size()
                                >= PAIRS);
                assertThat(rewriter.worker().failure()).isNull();
                assertThat(rewriter.worker().running()).isTrue();
            }
            assertThat(server.requestCount()).as("retries of the 5xx answers").isGreaterThan(PAIRS);
            assertThat(server.requests())
                    .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer secret"));
        }

        List<RawPair> rewritten = RewriterFixtures.rewritten(infra, platform);
        List<DeadLetter> dlq = RewriterFixtures.deadLetters(infra, platform);
        List<String> ids =
                new ArrayList<>(rewritten.stream().map(RawPair::getPairId).toList());
        dlq.forEach(d -> ids.add(new String(d.getOriginalKey().array(), java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(ids).hasSize(PAIRS).doesNotHaveDuplicates();
        assertThat(rewritten).hasSize(10).allSatisfy(p -> {
            assertThat(p.getCaption()).isEqualTo("A brown dog runs on a sandy beach.");
            assertThat(p.getProvenance().getStrategy()).isEqualTo("vlm");
            assertThat(p.getProvenance().getModel()).isEqualTo("aitqe-test");
            assertThat(p.getProvenance().getPromptVersion()).isEqualTo(AitqePrompt.PROMPT_VERSION);
        });
        Map<String, Long> reasons =
                dlq.stream().collect(Collectors.groupingBy(DeadLetter::getReason, Collectors.counting()));
        assertThat(reasons)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("rewrite.malformed_answer", 4L, "rewrite.backend_timeout", 6L));
        assertThat(dlq).allSatisfy(d -> assertThat(d.getStage()).isEqualTo("rewriter"));
    }
}
