package dev.refinery.cli.runs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code refinery runs}: the runs of the {@code runs} topic. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List, show and diff curation runs (the compacted runs topic and pairs.decisions).",
        subcommands = {RunsList.class, RunsShow.class, RunsDiff.class})
public final class RunsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
