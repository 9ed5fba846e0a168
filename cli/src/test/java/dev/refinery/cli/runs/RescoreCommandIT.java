package dev.refinery.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.TopicReader;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.scorer.ScorerFixtures;
import dev.refinery.scorer.demo.DemoImage;
import dev.refinery.scorer.model.TinyClipModel;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code refinery rescore} as an operator runs it: the raw pairs are scored again with a model from a folder into
 * run-specific topics, then replayed under a policy as a new run.
 */
@ExtendWith(RefineryInfraExtension.class)
class RescoreCommandIT {
    private static final int PAIRS = 30;

    @Test
    void shouldRescoreRawPairsWithAnotherModelIntoANewRun(Infra infra, @TempDir Path dir) throws Exception {
        PlatformConfig platform = TestPlatforms.create(infra);
        List<DemoImage> images = ScorerFixtures.demoImages(PAIRS);
        try (var producer = ScorerFixtures.producer(infra)) {
            for (int i = 0; i < PAIRS; i++) {
                DemoImage img = images.get(i);
                ScorerFixtures.publish(
                        infra,
                        platform,
                        producer,
                        img.bytes(),
                        ImageFormat.valueOf(img.format().toUpperCase(Locale.ROOT)),
                        img.width(),
                        img.height(),
                        ScorerFixtures.matched(img, i),
                        i);
            }
        }
        Path model = dir.resolve("model");
        TinyClipModel.write(model);
        Path policy = Files.writeString(
                dir.resolve("policy.json"),
                "{\"type\": \"proportional\", \"alpha\": 0.5, \"weights\": {\"clip_score\": 1.0}}");
        Map<String, String> env = new HashMap<>(TestPlatforms.environment(platform));
        env.put("ORT_DISABLE_TELEMETRY", "1");
        env.put("REFINERY_SCORER_GPU", "off");
        env.put("REFINERY_SCORER_LANGUAGES", "en,de");

        String out = CliProcess.run(
                env, dir, 4, "rescore", "--model", model.toString(), "--run-id", "rs1", "--policy", policy.toString());

        List<ScoredPair> rescored =
                TopicReader.values(infra, platform.topics().pairsScored() + ".rs1", ScoredPair.class);
        assertThat(rescored).hasSize(PAIRS).allSatisfy(s -> assertThat(s.getModelId())
                .startsWith("refinery-tiny-clip"));
        assertThat(TopicReader.values(infra, platform.topics().pairsScored(), ScoredPair.class))
                .as("live scores untouched")
                .isEmpty();
        assertThat(out).contains("rs1");
        String list = CliProcess.run(env, dir, 2, "runs", "list");
        assertThat(list).contains("rs1", "COMPLETED");
    }
}
