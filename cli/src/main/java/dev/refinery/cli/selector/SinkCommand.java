package dev.refinery.cli.selector;

import dev.refinery.selector.sink.SinkMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code refinery sink}: runs the curated WebDataset sink in this process. */
@Command(
        name = "sink",
        mixinStandardHelpOptions = true,
        description = "Run the curated sink (pairs.curated to WebDataset tar shards under s3://<bucket>/curated/<run>/)"
                + " until Ctrl-C. Settings: REFINERY_RUN_ID, REFINERY_SINK_* (shard size, age).")
public final class SinkCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        SinkMain.main(new String[0]);
        return 0;
    }
}
