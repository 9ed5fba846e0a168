package dev.refinery.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server running in a child JVM: started with the current JVM's {@code java}, its output written to a log file,
 * considered ready when an HTTP URL answers below 500, destroyed on close and on exit of this JVM.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(process::destroyForcibly, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code java <jvmArgs> <mainArgs>} and waits until {@code readyUrl} answers.
     *
     * @param jvmArgs arguments before the main class or {@code -jar}, e.g. system properties
     * @param mainArgs {@code -jar x.jar ...} or {@code -cp ... Main ...}
     */
    public static ChildJvm start(
            String name, List<String> jvmArgs, List<String> mainArgs, Path logFile, URI readyUrl, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            ChildJvm child = new ChildJvm(name, process, logFile);
            child.awaitReady(readyUrl, timeout);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    /**
     * Starts {@code mainClass} from this JVM's class path in a child JVM with extra environment variables, without a
     * readiness probe: for worker crash tests that kill the process with {@link Process#destroyForcibly()}.
     */
    public static Process launchMain(String mainClass, java.util.Map<String, String> env, Path logFile)
            throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass);
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private void awaitReady(URI readyUrl, Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready;"
                        + " its log " + logFile + " ends with:\n" + tail());
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(readyUrl)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 500) {
                    log.info("{} ready at {} in {} ms", name, readyUrl, (System.nanoTime() - started) / 1_000_000);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while starting " + name, e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while starting " + name, e);
            }
        }
        close();
        throw new IllegalStateException(
                name + " not ready at " + readyUrl + " within " + timeout + "; log " + logFile + ":\n" + tail());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
