package dev.refinery.cli.stack;

import dev.refinery.runtime.config.Env;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code refinery stack up}. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Start Kafka (KRaft), the schema registry and S3 on loopback with data under --dir, create the"
                + " topics and the bucket, print the addresses, and run until `refinery stack down` or Ctrl-C.")
public final class StackUp implements Callable<Integer> {
    @Option(names = "--dir", description = "Folder for data, logs and stack.env (default: ${DEFAULT-VALUE}).")
    Path dir = StackFiles.DEFAULT_DIR;

    @Option(names = "--registry-port", description = "Schema registry port; 0 = any free (default: ${DEFAULT-VALUE}).")
    int registryPort = 8081;

    @Option(names = "--s3-port", description = "S3 port; 0 = any free (default: ${DEFAULT-VALUE}).")
    int s3Port = 9000;

    @Option(names = "--partitions", description = "Partitions of the pair topics (default: ${DEFAULT-VALUE}).")
    int partitions = 3;

    @Option(names = "--detach", description = "Start in the background, print the addresses and return.")
    boolean detach;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StackFiles files = new StackFiles(dir.toAbsolutePath());
        PrintWriter out = spec.commandLine().getOut();
        var running = files.runningPid();
        if (running.isPresent()) {
            spec.commandLine()
                    .getErr()
                    .println("A stack is already running from " + files.dir() + " (pid " + running.get()
                            + "); stop it with: refinery stack down --dir " + dir);
            return 1;
        }
        Files.createDirectories(files.dir());
        Files.deleteIfExists(files.stopRequest());
        Files.deleteIfExists(files.env());
        return detach ? startDetached(files, out) : runInForeground(files, out);
    }

    private int runInForeground(StackFiles files, PrintWriter out) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (LocalStack stack = LocalStack.start(files, registryPort, s3Port, partitions, Env.system())) {
            Files.writeString(files.pid(), Long.toString(ProcessHandle.current().pid()));
            files.writeEnv(stack.environment());
            printAddresses(out, files, stack.environment());
            out.println("Running. Stop with: refinery stack down --dir " + dir + "   (or Ctrl-C)");
            out.flush();
            Thread main = Thread.currentThread();
            // On Ctrl-C/SIGTERM: wake the main thread and let it stop the servers before the JVM halts.
            Thread hook = new Thread(
                    () -> {
                        main.interrupt();
                        try {
                            stopped.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "stack-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                while (!Files.exists(files.stopRequest())) {
                    Thread.sleep(250);
                }
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (InterruptedException stopping) {
                // Ctrl-C or SIGTERM: the shutdown hook woke us; the interrupt is consumed so the servers stop cleanly
            }
            out.println("Stopping the stack...");
            out.flush();
        } finally {
            Files.deleteIfExists(files.env());
            Files.deleteIfExists(files.pid());
            Files.deleteIfExists(files.stopRequest());
            stopped.countDown();
        }
        return 0;
    }

    private int startDetached(StackFiles files, PrintWriter out) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                dev.refinery.cli.Refinery.class.getName(),
                "stack",
                "up",
                "--dir",
                files.dir().toString(),
                "--registry-port",
                Integer.toString(registryPort),
                "--s3-port",
                Integer.toString(s3Port),
                "--partitions",
                Integer.toString(partitions)));
        Path log = files.dir().resolve("stack.log");
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                spec.commandLine()
                        .getErr()
                        .println("The stack failed to start; see " + log + ":\n"
                                + String.join("\n", Files.readAllLines(log)));
                return 1;
            }
            if (Files.exists(files.env())) {
                printAddresses(out, files, files.readEnv());
                out.println("Running in the background (pid " + child.pid() + ", log " + log + ")."
                        + " Stop with: refinery stack down --dir " + dir);
                return 0;
            }
            Thread.sleep(200);
        }
        child.destroy();
        spec.commandLine().getErr().println("The stack did not start within 3 minutes; see " + log);
        return 1;
    }

    static void printAddresses(PrintWriter out, StackFiles files, Map<String, String> env) {
        out.println("Refinery local stack is up:");
        out.println("  Kafka bootstrap   " + env.get("REFINERY_KAFKA_BOOTSTRAP_SERVERS"));
        out.println("  Schema registry   " + env.get("REFINERY_SCHEMA_REGISTRY_URL") + "  (Confluent API)");
        out.println("  S3 endpoint       " + env.get("REFINERY_S3_ENDPOINT") + "  bucket "
                + env.get("REFINERY_S3_BUCKET") + ", access key " + env.get("REFINERY_S3_ACCESS_KEY"));
        out.println("  Data and logs     " + files.dir());
        out.println("  Environment       set -a; . " + files.env() + "; set +a");
        out.flush();
    }
}
