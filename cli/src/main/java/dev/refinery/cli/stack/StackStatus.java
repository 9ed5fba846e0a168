package dev.refinery.cli.stack;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code refinery stack status}. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether a stack runs from --dir.")
public final class StackStatus implements Callable<Integer> {
    @Option(names = "--dir", description = "Folder of the stack (default: ${DEFAULT-VALUE}).")
    Path dir = StackFiles.DEFAULT_DIR;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StackFiles files = new StackFiles(dir.toAbsolutePath());
        var pid = files.runningPid();
        if (pid.isEmpty() || !files.env().toFile().exists()) {
            spec.commandLine().getOut().println("No stack is running from " + files.dir());
            return 3;
        }
        spec.commandLine().getOut().println("pid " + pid.get());
        StackUp.printAddresses(spec.commandLine().getOut(), files, files.readEnv());
        return 0;
    }
}
