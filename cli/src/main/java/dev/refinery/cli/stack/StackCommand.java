package dev.refinery.cli.stack;

import picocli.CommandLine.Command;

/** {@code refinery stack up|down|status}: the local stack on loopback, no Docker. */
@Command(
        name = "stack",
        mixinStandardHelpOptions = true,
        description = "Run Kafka, the schema registry and S3 on loopback (no Docker): up, down, status.",
        subcommands = {StackUp.class, StackDown.class, StackStatus.class})
public final class StackCommand {}
