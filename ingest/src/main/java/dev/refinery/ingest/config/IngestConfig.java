package dev.refinery.ingest.config;

import dev.refinery.ingest.download.DownloaderConfig;
import dev.refinery.ingest.validate.ValidationLimits;
import dev.refinery.runtime.config.Env;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * Ingest settings from {@code REFINERY_INGEST_*} variables (every key and default is in docs/configuration.md).
 *
 * @param transactionalId the producer's transactional id: unique per instance and stable across its restarts
 */
public record IngestConfig(
        String httpHost,
        int httpPort,
        long maxRequestBytes,
        long maxInFlightBytes,
        Optional<String> authToken,
        String instanceId,
        String transactionalId,
        int publishQueue,
        int publishMaxRecords,
        Duration publishLinger,
        Duration publishTimeout,
        int importBatchSize,
        String imagePrefix,
        ValidationLimits limits,
        DownloaderConfig download) {

    public IngestConfig {
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("REFINERY_INGEST_HTTP_PORT must be 0..65535");
        }
        if (maxRequestBytes < 1024 || maxInFlightBytes < maxRequestBytes) {
            throw new IllegalArgumentException(
                    "REFINERY_INGEST_MAX_INFLIGHT_BYTES must be >= REFINERY_INGEST_MAX_REQUEST_BYTES >= 1024");
        }
        if (publishQueue < 1 || publishMaxRecords < 1 || importBatchSize < 1) {
            throw new IllegalArgumentException(
                    "REFINERY_INGEST_PUBLISH_QUEUE, _PUBLISH_MAX_RECORDS and _BATCH_SIZE must be >= 1");
        }
        if (imagePrefix.startsWith("/") || (!imagePrefix.isEmpty() && !imagePrefix.endsWith("/"))) {
            throw new IllegalArgumentException("REFINERY_INGEST_IMAGE_PREFIX must be relative and end with /");
        }
    }

    public static IngestConfig fromEnv(Env env) {
        String instance = env.string("REFINERY_INGEST_INSTANCE_ID", hostname());
        long maxImageBytes = env.longValue("REFINERY_INGEST_MAX_IMAGE_BYTES", 32L * 1024 * 1024);
        ValidationLimits limits = new ValidationLimits(
                maxImageBytes,
                env.longValue("REFINERY_INGEST_MAX_PIXELS", 89_478_485L),
                env.integer("REFINERY_INGEST_MIN_SIDE", 1),
                env.integer("REFINERY_INGEST_MAX_CAPTION_CHARS", 4000));
        DownloaderConfig download = DownloaderConfig.defaults().toBuilder()
                .maxConcurrency(env.integer("REFINERY_INGEST_DOWNLOAD_CONCURRENCY", 64))
                .maxPerHost(env.integer("REFINERY_INGEST_DOWNLOAD_PER_HOST", 8))
                .connectTimeout(env.millis("REFINERY_INGEST_DOWNLOAD_CONNECT_TIMEOUT_MS", Duration.ofSeconds(5)))
                .readTimeout(env.millis("REFINERY_INGEST_DOWNLOAD_TIMEOUT_MS", Duration.ofSeconds(20)))
                .maxRetries(env.integer("REFINERY_INGEST_DOWNLOAD_RETRIES", 2))
                .maxBytes(maxImageBytes)
                .allowPrivateAddresses(env.bool("REFINERY_INGEST_DOWNLOAD_ALLOW_PRIVATE", false))
                .allowLoopback(env.bool("REFINERY_INGEST_DOWNLOAD_ALLOW_LOOPBACK", false))
                .respectNoAi(env.bool("REFINERY_INGEST_DOWNLOAD_RESPECT_NOAI", true))
                .build();
        return new IngestConfig(
                env.string("REFINERY_INGEST_HTTP_HOST", "0.0.0.0"),
                env.integer("REFINERY_INGEST_HTTP_PORT", 8080),
                env.longValue("REFINERY_INGEST_MAX_REQUEST_BYTES", 64L * 1024 * 1024),
                env.longValue("REFINERY_INGEST_MAX_INFLIGHT_BYTES", 256L * 1024 * 1024),
                env.get("REFINERY_INGEST_AUTH_TOKEN"),
                instance,
                env.string("REFINERY_INGEST_TRANSACTIONAL_ID", "refinery-ingest-" + instance),
                env.integer("REFINERY_INGEST_PUBLISH_QUEUE", 1024),
                env.integer("REFINERY_INGEST_PUBLISH_MAX_RECORDS", 5000),
                env.millis("REFINERY_INGEST_PUBLISH_LINGER_MS", Duration.ofMillis(5)),
                env.millis("REFINERY_INGEST_PUBLISH_TIMEOUT_MS", Duration.ofSeconds(60)),
                env.integer("REFINERY_INGEST_BATCH_SIZE", 256),
                env.string("REFINERY_INGEST_IMAGE_PREFIX", "images/"),
                limits,
                download);
    }

    private static String hostname() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "ingest";
        }
    }
}
