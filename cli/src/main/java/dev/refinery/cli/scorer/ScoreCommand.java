package dev.refinery.cli.scorer;

import dev.refinery.scorer.ScorerMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code refinery score}: runs the scorer worker in this process. */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = "Run the scorer worker (pairs.raw and pairs.rewritten to pairs.scored) until Ctrl-C."
                + " Settings: REFINERY_SCORER_* (model folder or s3:// prefix, GPU required|preferred|off, batching).")
public final class ScoreCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        ScorerMain.main(new String[0]);
        return 0;
    }
}
