package dev.refinery.cli.rewriter;

import dev.refinery.rewriter.RewriterMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code refinery rewrite}: runs the rewriter worker in this process. */
@Command(
        name = "rewrite",
        mixinStandardHelpOptions = true,
        description = "Run the rewriter worker (pairs.rewrite to pairs.rewritten) until Ctrl-C."
                + " Settings: REFINERY_REWRITER_* (strategy rules|vlm per route reason, VLM endpoint, edit ceiling).")
public final class RewriteCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        RewriterMain.main(new String[0]);
        return 0;
    }
}
