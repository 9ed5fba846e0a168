package dev.refinery.cli.runs;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.schemas.RunManifest;
import dev.refinery.selector.run.RunCatalog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code refinery runs list}: every run, latest manifest per run id, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the runs (latest manifest per run id).")
public final class RunsList implements Callable<Integer> {
    private static final String ROW = "%-28s %-10s %-26s %-28s %s%n";

    @Override
    public Integer call() {
        Env env = RunsEnv.env(Map.of());
        PlatformConfig platform = PlatformConfig.fromEnv(env);
        List<RunManifest> runs =
                RunCatalog.list(RunsEnv.kafka(platform, env), platform.topics().runs());
        System.out.printf(ROW, "RUN", "STATUS", "POLICY", "PARENT", "CREATED");
        for (RunManifest m : runs) {
            System.out.printf(
                    ROW,
                    m.getRunId(),
                    m.getStatus(),
                    m.getPolicyName() + " "
                            + m.getPolicyHash()
                                    .substring(0, Math.min(12, m.getPolicyHash().length())),
                    m.getParentRunId() == null ? "-" : m.getParentRunId(),
                    m.getCreatedAt());
        }
        System.out.printf("%d run(s)%n", runs.size());
        return 0;
    }
}
