package dev.refinery.cli.runs;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.schemas.RunManifest;
import dev.refinery.schemas.TopicRange;
import dev.refinery.selector.config.SelectorConfig;
import dev.refinery.selector.policy.SelectionPolicy;
import dev.refinery.selector.replay.ReplayResult;
import dev.refinery.selector.replay.ReplaySettings;
import dev.refinery.selector.replay.ReplayStart;
import dev.refinery.selector.replay.Replayer;
import dev.refinery.selector.run.RunCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code refinery replay}: re-curates retained scored pairs with a policy as a new run, deterministically. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Replay a policy over retained pairs.scored as a new run (deterministic batch job):"
                + " decisions to pairs.decisions, accepted pairs to pairs.curated, manifest to runs."
                + " Write its shards with REFINERY_RUN_ID=<run> refinery sink.")
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, description = "Selection policy JSON file.")
    Path policy;

    @Option(names = "--from", description = "'earliest' (default) or an ISO-8601 instant, e.g. 2026-11-25T10:00:00Z.")
    String from;

    @Option(names = "--like", description = "Start at the input offsets of this run (and read its input topic).")
    String like;

    @Option(names = "--run-id", description = "Id of the new run (default replay-<yyyyMMddHHmmss>).")
    String runId;

    @Option(
            names = "--rewrite-wait-ms",
            description = "Rewrite wait in record time (default" + " REFINERY_SELECTOR_REWRITE_WAIT_MS).")
    Long rewriteWaitMs;

    @Option(names = "--input", description = "Scored topic to read (default: pairs.scored, or the --like run's).")
    String input;

    @Option(names = "--parent", description = "Parent run to record (default: the --like run).")
    String parent;

    @Override
    public Integer call() throws Exception {
        if (from != null && like != null) {
            throw new ParameterException(spec.commandLine(), "--from and --like exclude each other");
        }
        Env env = RunsEnv.env(Map.of());
        PlatformConfig platform = PlatformConfig.fromEnv(env);
        Map<String, Object> kafka = RunsEnv.kafka(platform, env);
        SelectorConfig selector = SelectorConfig.fromEnv(env);
        ReplayStart start = ReplayStart.parse(from);
        String topic = input == null ? platform.topics().pairsScored() : input;
        if (like != null) {
            RunManifest run = RunCatalog.find(kafka, platform.topics().runs(), like)
                    .orElseThrow(() -> new IllegalArgumentException("no run " + like + " in the runs topic"));
            start = new ReplayStart.LikeRun(run);
            if (input == null && !run.getInput().isEmpty()) {
                topic = run.getInput().get(0).getTopic();
            }
        }
        ReplaySettings settings = new ReplaySettings(
                runId == null ? RunsEnv.newRunId("replay") : runId,
                parent != null ? parent : like,
                SelectionPolicy.read(policy),
                topic,
                start,
                selector.shardsPerCluster(),
                rewriteWaitMs == null ? selector.rewriteWait() : Duration.ofMillis(rewriteWaitMs),
                ReplaySettings.DEFAULT_PER_TRANSACTION);
        ReplayResult result;
        try (ObjectStore objects = ObjectStore.create(platform.s3())) {
            result = Replayer.run(platform, kafka, settings, objects);
        }
        print(result);
        return 0;
    }

    private static void print(ReplayResult r) {
        RunManifest m = r.manifest();
        System.out.printf(
                "run %s (parent %s): policy %s %s%n",
                m.getRunId(),
                m.getParentRunId() == null ? "-" : m.getParentRunId(),
                m.getPolicyName(),
                m.getPolicyHash().substring(0, 12));
        for (TopicRange range : m.getInput()) {
            System.out.printf(
                    "  %s[%d] offsets %d..%d (%d records)%n",
                    range.getTopic(),
                    range.getPartition(),
                    range.getStartOffset(),
                    range.getEndOffset(),
                    range.getEndOffset() - range.getStartOffset());
        }
        var c = r.counts();
        System.out.printf(
                "read %d, decided %d, accepted %d (late rewrites %d, waiting at the end %d, unreadable" + " %d)%n",
                c.read(), c.decided(), c.accepted(), c.lateRewrites(), c.timedOutAtEnd(), r.unreadable());
        System.out.printf(
                "shards: REFINERY_RUN_ID=%s refinery sink   (writes %s)%n", m.getRunId(), m.getOutputPrefix());
    }
}
