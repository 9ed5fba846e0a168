package dev.refinery.cli.runs;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.selector.run.ClusterDiff;
import dev.refinery.selector.run.RunDecisions;
import dev.refinery.selector.run.RunDiff;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code refinery runs diff A B}: per cluster, what B accepts that A does not, and the reverse. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "Compare the accepted pairs of two runs per cluster (reads pairs.decisions).")
public final class RunsDiff implements Callable<Integer> {
    private static final String ROW = "%-10s %12s %12s %10s %10s%n";

    @Parameters(index = "0", paramLabel = "A", description = "Base run.")
    String runA;

    @Parameters(index = "1", paramLabel = "B", description = "Run compared with A.")
    String runB;

    @Option(names = "--ids", description = "Also print the added and removed pair ids.")
    boolean ids;

    @Override
    public Integer call() {
        Env env = RunsEnv.env(Map.of());
        PlatformConfig platform = PlatformConfig.fromEnv(env);
        var decisions = RunDecisions.read(
                RunsEnv.kafka(platform, env), platform.topics().pairsDecisions(), Set.of(runA, runB));
        RunDiff diff = RunDiff.of(runA, runB, decisions);
        System.out.printf("A = %s (%d decided), B = %s (%d decided)%n", runA, diff.decidedA(), runB, diff.decidedB());
        System.out.printf(ROW, "CLUSTER", "ACCEPTED A", "ACCEPTED B", "ADDED", "REMOVED");
        for (ClusterDiff c : diff.clusters()) {
            System.out.printf(
                    ROW,
                    c.cluster(),
                    c.acceptedA(),
                    c.acceptedB(),
                    c.added().size(),
                    c.removed().size());
        }
        System.out.printf(ROW, "total", diff.acceptedA(), diff.acceptedB(), diff.added(), diff.removed());
        if (ids) {
            for (ClusterDiff c : diff.clusters()) {
                c.added().forEach(id -> System.out.printf("+ %s %s%n", c.cluster(), id));
                c.removed().forEach(id -> System.out.printf("- %s %s%n", c.cluster(), id));
            }
        }
        if (diff.decidedA() == 0 || diff.decidedB() == 0) {
            System.err.printf(
                    "run %s has no decisions in %s%n",
                    diff.decidedA() == 0 ? runA : runB, platform.topics().pairsDecisions());
            return 1;
        }
        return 0;
    }
}
