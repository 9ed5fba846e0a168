package dev.refinery.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a real Kafka broker, schema registry and S3-compatible server, started once per test JVM and stopped
 * when the JVM's tests are done. Inject {@link Infra} into a constructor, lifecycle method or test method.
 *
 * <p>By default the servers are embedded ({@link EmbeddedInfra}: no Docker needed). With
 * {@code -Drefinery.testkit=docker} and a reachable Docker engine, {@link ContainerInfra} is used instead.
 */
public final class RefineryInfraExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RefineryInfraExtension.class);

    /** Holder stored in the root context: JUnit closes it after the last test of the JVM. */
    private record Running(Infra infra, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        infra(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Infra.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return infra(context);
    }

    private static Infra infra(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, k -> start(), Running.class)
                .infra();
    }

    private static Running start() {
        if ("docker".equals(System.getProperty("refinery.testkit")) && ContainerInfra.dockerAvailable()) {
            ContainerInfra containers = ContainerInfra.start();
            return new Running(containers, containers::close);
        }
        try {
            Path dir = Files.createTempDirectory("refinery-testkit-");
            EmbeddedInfra embedded = EmbeddedInfra.start(dir, null, 0, 0);
            return new Running(embedded, embedded::close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
