package dev.refinery.cli.selector;

import dev.refinery.selector.SelectorMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code refinery select}: runs the selector (Kafka Streams) in this process. */
@Command(
        name = "select",
        mixinStandardHelpOptions = true,
        description = "Run the selector (pairs.scored to pairs.decisions and pairs.curated, per-cluster quotas)"
                + " until Ctrl-C. Settings: REFINERY_RUN_ID, REFINERY_SELECTOR_* (policy file, rewrite wait, shards).")
public final class SelectCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        SelectorMain.main(new String[0]);
        return 0;
    }
}
