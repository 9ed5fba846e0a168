package dev.refinery.cli.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files a running stack keeps in its folder: {@code stack.env} (addresses, as {@code REFINERY_*} variables a shell
 * can source), {@code stack.pid}, and {@code stop} (written by {@code stack down} to ask it to stop).
 */
public record StackFiles(Path dir) {
    public static final Path DEFAULT_DIR = Path.of(".refinery", "stack");

    public Path env() {
        return dir.resolve("stack.env");
    }

    public Path pid() {
        return dir.resolve("stack.pid");
    }

    public Path stopRequest() {
        return dir.resolve("stop");
    }

    public Path kafkaData() {
        return dir.resolve("kafka");
    }

    public void writeEnv(Map<String, String> vars) throws IOException {
        StringBuilder sb = new StringBuilder("# Written by `refinery stack up`; source it: set -a; . ")
                .append(env())
                .append("; set +a\n");
        vars.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Path tmp = dir.resolve("stack.env.tmp");
        Files.writeString(tmp, sb);
        Files.move(tmp, env(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public Map<String, String> readEnv() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(env())) {
            p.load(r);
        }
        Map<String, String> vars = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> vars.put(k, p.getProperty(k)));
        return vars;
    }

    /** The pid of a stack that is running from this folder. */
    public Optional<Long> runningPid() throws IOException {
        if (!Files.exists(pid())) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pid()).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }
}
