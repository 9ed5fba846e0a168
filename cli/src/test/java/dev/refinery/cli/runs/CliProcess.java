package dev.refinery.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code refinery ARGS} in a child JVM with extra environment variables, as an operator would. */
final class CliProcess {
    private CliProcess() {}

    /** The command's output; fails the test unless it exits 0 within {@code minutes}. */
    static String run(Map<String, String> env, Path dir, int minutes, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.refinery.cli.Refinery"));
        command.addAll(List.of(args));
        Path log = dir.resolve(String.join("-", args).replaceAll("[^A-Za-z0-9-]", "_") + ".log");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(minutes, TimeUnit.MINUTES))
                .as("still running: " + log)
                .isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
