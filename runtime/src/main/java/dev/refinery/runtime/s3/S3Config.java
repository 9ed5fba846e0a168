package dev.refinery.runtime.s3;

import dev.refinery.runtime.config.Env;
import java.net.URI;
import java.util.Optional;

/**
 * Object storage settings. With no endpoint the AWS default endpoint of the region is used; with one (MinIO, S3Proxy)
 * path-style addressing is the default.
 */
public record S3Config(
        Optional<URI> endpoint,
        String region,
        String bucket,
        Optional<String> accessKey,
        Optional<String> secretKey,
        boolean pathStyle,
        long multipartThresholdBytes,
        long multipartPartBytes) {

    public static final long MIN_PART_BYTES = 5L * 1024 * 1024;

    public S3Config {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("REFINERY_S3_BUCKET is not a valid bucket name: " + bucket);
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException(
                    "Set both REFINERY_S3_ACCESS_KEY and REFINERY_S3_SECRET_KEY, or neither");
        }
        if (multipartPartBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException("REFINERY_S3_MULTIPART_PART_BYTES must be >= 5 MiB (S3's minimum)");
        }
        if (multipartThresholdBytes < multipartPartBytes) {
            throw new IllegalArgumentException(
                    "REFINERY_S3_MULTIPART_THRESHOLD_BYTES must be >= REFINERY_S3_MULTIPART_PART_BYTES");
        }
    }

    public static S3Config fromEnv(Env env) {
        Optional<URI> endpoint = env.get("REFINERY_S3_ENDPOINT").map(URI::create);
        return new S3Config(
                endpoint,
                env.string("REFINERY_S3_REGION", "us-east-1"),
                env.string("REFINERY_S3_BUCKET", "refinery"),
                env.get("REFINERY_S3_ACCESS_KEY"),
                env.get("REFINERY_S3_SECRET_KEY"),
                env.bool("REFINERY_S3_PATH_STYLE", endpoint.isPresent()),
                env.longValue("REFINERY_S3_MULTIPART_THRESHOLD_BYTES", 16L * 1024 * 1024),
                env.longValue("REFINERY_S3_MULTIPART_PART_BYTES", 8L * 1024 * 1024));
    }

    /** Settings for an S3-compatible server at {@code endpoint} with static credentials. */
    public static S3Config local(URI endpoint, String bucket, String accessKey, String secretKey) {
        return new S3Config(
                Optional.of(endpoint),
                "us-east-1",
                bucket,
                Optional.of(accessKey),
                Optional.of(secretKey),
                true,
                16L * 1024 * 1024,
                8L * 1024 * 1024);
    }
}
