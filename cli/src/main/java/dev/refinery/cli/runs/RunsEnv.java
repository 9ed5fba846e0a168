package dev.refinery.cli.runs;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The environment of the run commands: platform settings and Kafka client properties ({@code KAFKA_*} applied). */
final class RunsEnv {
    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private RunsEnv() {}

    /** The process environment with {@code extra} on top. */
    static Env env(Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>(System.getenv());
        vars.putAll(extra);
        return Env.of(vars);
    }

    static Map<String, Object> kafka(PlatformConfig platform, Env env) {
        Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
        kafka.putAll(env.kafkaOverrideMap());
        return kafka;
    }

    /** A default run id: {@code <kind>-<yyyyMMddHHmmss>} (UTC). */
    static String newRunId(String kind) {
        return kind + "-" + RUN_TIME.format(Instant.now());
    }
}
