package dev.refinery.cli;

import dev.refinery.cli.demo.DemoCommand;
import dev.refinery.cli.ingest.ImportCommand;
import dev.refinery.cli.ingest.IngestCommand;
import dev.refinery.cli.monitor.LagCommand;
import dev.refinery.cli.rewriter.RewriteCommand;
import dev.refinery.cli.runs.ReplayCommand;
import dev.refinery.cli.runs.RescoreCommand;
import dev.refinery.cli.runs.RunsCommand;
import dev.refinery.cli.scorer.ClustersCommand;
import dev.refinery.cli.scorer.ScoreCommand;
import dev.refinery.cli.selector.SelectCommand;
import dev.refinery.cli.selector.SinkCommand;
import dev.refinery.cli.stack.StackCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code refinery} command. */
@Command(
        name = "refinery",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Streaming curation of image-text pretraining data on Kafka.",
        subcommands = {
            StackCommand.class,
            IngestCommand.class,
            ImportCommand.class,
            ScoreCommand.class,
            ClustersCommand.class,
            RewriteCommand.class,
            SelectCommand.class,
            SinkCommand.class,
            ReplayCommand.class,
            RescoreCommand.class,
            RunsCommand.class,
            DemoCommand.class,
            LagCommand.class
        })
public final class Refinery implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Refinery()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
