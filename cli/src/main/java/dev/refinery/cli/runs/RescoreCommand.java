package dev.refinery.cli.runs;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.scorer.ScorerService;
import dev.refinery.scorer.config.ScorerConfig;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.replay.ReplaySettings;
import dev.refinery.selector.replay.ReplayStart;
import dev.refinery.selector.replay.Replayer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refinery rescore}: re-scores {@code pairs.raw} with another model into run-specific topics, leaving the live
 * ones untouched, then (with {@code --policy}) replays a policy over the new scores as the run.
 */
@Command(
        name = "rescore",
        mixinStandardHelpOptions = true,
        description = "Re-score pairs.raw (as of now) with another model into <pairs.scored>.<run>, with its own"
                + " group refinery-rescore-<run>; then replay --policy over it as the run, or print"
                + " the replay command.")
public final class RescoreCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model folder (Optimum CLIP layout) or s3:// prefix.")
    String model;

    @Option(names = "--run-id", description = "Id of the new run (default rescore-<yyyyMMddHHmmss>).")
    String runId;

    @Option(names = "--policy", description = "Replay this policy over the new scores once they are complete.")
    Path policy;

    @Override
    public Integer call() throws Exception {
        String run = runId == null ? RunsEnv.newRunId("rescore") : runId;
        Env liveEnv = RunsEnv.env(Map.of());
        PlatformConfig live = PlatformConfig.fromEnv(liveEnv);
        Env env = RunsEnv.env(Rescorer.environment(live.topics(), run, model));
        PlatformConfig platform = PlatformConfig.fromEnv(env);
        Map<String, Object> kafka = RunsEnv.kafka(platform, env);
        String scored = platform.topics().pairsScored();
        try (Admin admin = Admin.create(kafka)) {
            Rescorer.createTopics(admin, live.topics(), platform.topics());
            var end = Rescorer.endOffsets(kafka, platform.topics().pairsRaw());
            System.out.printf(
                    "run %s: scoring %s up to %s into %s%n",
                    run, platform.topics().pairsRaw(), end, scored);
            Map<String, Object> overrides = env.kafkaOverrideMap();
            try (ScorerService scorer = ScorerService.start(
                    platform, ScorerConfig.fromEnv(env), overrides, new SimpleMeterRegistry(), null)) {
                long left;
                while ((left = Rescorer.remaining(admin, Rescorer.groupId(run), end)) > 0) {
                    if (scorer.worker().failure() != null) {
                        System.err.println("scorer failed: " + scorer.worker().failure());
                        return 1;
                    }
                    System.out.printf("  %d record(s) of pairs.raw left%n", left);
                    Thread.sleep(2000);
                }
            }
        }
        System.out.printf("re-scored into %s%n", scored);
        if (policy == null) {
            System.out.printf("next: refinery replay --input %s --run-id %s --policy <policy.json>%n", scored, run);
            return 0;
        }
        SelectorConfig selector = SelectorConfig.fromEnv(liveEnv);
        var settings = new ReplaySettings(
                run,
                null,
                SelectionPolicy.read(policy),
                scored,
                new ReplayStart.Earliest(),
                selector.shardsPerCluster(),
                selector.rewriteWait(),
                ReplaySettings.DEFAULT_PER_TRANSACTION);
        try (ObjectStore objects = ObjectStore.create(live.s3())) {
            var result = Replayer.run(live, RunsEnv.kafka(live, liveEnv), settings, objects);
            System.out.printf(
                    "run %s: decided %d, accepted %d; shards: REFINERY_RUN_ID=%s refinery sink%n",
                    run, result.counts().decided(), result.counts().accepted(), run);
        }
        return 0;
    }
}
