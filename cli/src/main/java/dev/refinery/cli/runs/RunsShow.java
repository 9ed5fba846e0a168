package dev.refinery.cli.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.schemas.RunManifest;
import dev.refinery.selector.run.RunCatalog;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code refinery runs show RUN}: the run's latest manifest as JSON. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print a run's manifest as JSON.")
public final class RunsShow implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "Run id.")
    String runId;

    @Override
    public Integer call() throws Exception {
        Env env = RunsEnv.env(Map.of());
        PlatformConfig platform = PlatformConfig.fromEnv(env);
        Optional<RunManifest> run =
                RunCatalog.find(RunsEnv.kafka(platform, env), platform.topics().runs(), runId);
        if (run.isEmpty()) {
            System.err.println("no run " + runId + " in " + platform.topics().runs());
            return 1;
        }
        ObjectMapper json = new ObjectMapper();
        System.out.println(json.readTree(run.get().toString()).toPrettyString());
        return 0;
    }
}
