package dev.refinery.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Refinery checkout (or unpacked distribution) whose {@code registry-server/} and {@code s3-server/} build
 * outputs hold the servers that run in child JVMs: the {@code refinery.home} system property, then the
 * {@code REFINERY_HOME} variable, then the nearest parent of the working directory that has both folders.
 */
public final class ProjectHome {
    private ProjectHome() {}

    public static Path locate() {
        Optional<String> configured = Optional.ofNullable(System.getProperty("refinery.home"))
                .or(() -> Optional.ofNullable(System.getenv("REFINERY_HOME")))
                .filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            Path home = Path.of(configured.get()).toAbsolutePath().normalize();
            if (!isHome(home)) {
                throw new IllegalStateException("refinery.home / REFINERY_HOME = " + home
                        + " does not contain registry-server/ and s3-server/");
            }
            return home;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isHome(p)) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the Refinery checkout from "
                + Path.of("").toAbsolutePath() + "; set -Drefinery.home or REFINERY_HOME");
    }

    private static boolean isHome(Path p) {
        return Files.isDirectory(p.resolve("registry-server")) && Files.isDirectory(p.resolve("s3-server"));
    }

    /** A build output of the project, with a clear error telling how to produce it when it is missing. */
    public static Path buildOutput(String relative) {
        Path path = locate().resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: build the project first (./mvnw -DskipTests install)");
        }
        return path;
    }
}
