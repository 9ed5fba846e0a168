package dev.refinery.selector.sink;

import dev.refinery.runtime.config.Env;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Curated sink settings from {@code REFINERY_SINK_*} variables (every key and default is in docs/configuration.md).
 * A shard is cut at whichever limit comes first: records, bytes or age of its first record.
 */
public record SinkConfig(
        String runId,
        int shardMaxRecords,
        long shardMaxBytes,
        Duration shardMaxAge,
        String groupId,
        int fetchConcurrency,
        Path spoolDir,
        int httpPort) {

    public SinkConfig {
        if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("run id must be 1-128 of [A-Za-z0-9._-], got '" + runId + "'");
        }
        if (shardMaxRecords < 1 || shardMaxBytes < 1 || shardMaxAge.isNegative() || fetchConcurrency < 1) {
            throw new IllegalArgumentException("REFINERY_SINK_SHARD_* limits and _FETCH_CONCURRENCY must be positive");
        }
    }

    public static SinkConfig fromEnv(Env env) {
        String run = env.string("REFINERY_RUN_ID", "live");
        return new SinkConfig(
                run,
                env.integer("REFINERY_SINK_SHARD_MAX_RECORDS", 1000),
                env.longValue("REFINERY_SINK_SHARD_MAX_BYTES", 512L * 1024 * 1024),
                env.millis("REFINERY_SINK_SHARD_MAX_AGE_MS", Duration.ofMinutes(5)),
                env.string("REFINERY_SINK_GROUP_ID", "refinery-sink-" + run),
                env.integer("REFINERY_SINK_FETCH_CONCURRENCY", 16),
                Path.of(env.string("REFINERY_SINK_SPOOL_DIR", System.getProperty("java.io.tmpdir"))),
                env.integer("REFINERY_SINK_HTTP_PORT", 8085));
    }
}
