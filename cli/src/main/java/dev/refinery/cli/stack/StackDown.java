package dev.refinery.cli.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code refinery stack down}. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the stack running from --dir.")
public final class StackDown implements Callable<Integer> {
    @Option(names = "--dir", description = "Folder of the stack (default: ${DEFAULT-VALUE}).")
    Path dir = StackFiles.DEFAULT_DIR;

    @Option(names = "--timeout", description = "Seconds to wait for a clean stop before killing (default: 60).")
    long timeoutSeconds = 60;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StackFiles files = new StackFiles(dir.toAbsolutePath());
        var pid = files.runningPid();
        if (pid.isEmpty()) {
            spec.commandLine().getOut().println("No stack is running from " + files.dir());
            return 0;
        }
        Files.writeString(
                files.stopRequest(),
                "stop requested by pid " + ProcessHandle.current().pid());
        ProcessHandle process = ProcessHandle.of(pid.get()).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (process.isAlive() && Files.exists(files.pid()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (process.isAlive() && Files.exists(files.pid())) {
            spec.commandLine()
                    .getErr()
                    .println("The stack did not stop within " + timeoutSeconds + " s; killing pid " + pid.get());
            process.destroyForcibly();
            Files.deleteIfExists(files.pid());
            return 1;
        }
        spec.commandLine().getOut().println("Stack stopped (" + files.dir() + ")");
        return 0;
    }
}
