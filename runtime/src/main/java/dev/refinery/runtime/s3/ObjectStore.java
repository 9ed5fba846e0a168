package dev.refinery.runtime.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The object-store operations Refinery needs, on one bucket: idempotent writes of content-addressed objects, reads, and
 * multipart upload of large streams (curated shards). Thread-safe.
 */
public final class ObjectStore implements AutoCloseable {
    private final S3Client s3;
    private final S3Config config;

    public ObjectStore(S3Client s3, S3Config config) {
        this.s3 = s3;
        this.config = config;
    }

    public static ObjectStore create(S3Config config) {
        return new ObjectStore(S3Clients.create(config), config);
    }

    public String bucket() {
        return config.bucket();
    }

    /** {@code s3://<bucket>/<key>}. */
    public String uri(String key) {
        return "s3://" + config.bucket() + "/" + key;
    }

    /** Creates the bucket if it does not exist. */
    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            try {
                s3.createBucket(b -> b.bucket(config.bucket()));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // created concurrently by another instance
            }
        }
    }

    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(config.bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(
                b -> b.bucket(config.bucket()).key(key).contentType(contentType).contentLength((long) bytes.length),
                RequestBody.fromBytes(bytes));
    }

    /**
     * Writes a content-addressed object once: skipped when the key exists (same key = same bytes).
     *
     * @return true when this call wrote the object
     */
    public boolean putIfAbsent(String key, byte[] bytes, String contentType) {
        if (exists(key)) {
            return false;
        }
        put(key, bytes, contentType);
        return true;
    }

    public byte[] get(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(key)).asByteArray();
    }

    /** A presigned GET URL for an {@code s3://bucket/key} URI, valid for {@code ttl}; for servers that fetch it. */
    public java.net.URI presignedGet(String s3Uri, java.time.Duration ttl) {
        if (!s3Uri.startsWith("s3://") || s3Uri.indexOf('/', 5) < 0) {
            throw new IllegalArgumentException("not an s3://bucket/key URI: " + s3Uri);
        }
        int slash = s3Uri.indexOf('/', 5);
        String bucket = s3Uri.substring(5, slash);
        String key = s3Uri.substring(slash + 1);
        try (var presigner = S3Clients.presigner(config)) {
            var request = presigner.presignGetObject(p -> p.signatureDuration(ttl)
                    .getObjectRequest(g -> g.bucket(bucket).key(key)));
            return java.net.URI.create(request.url().toString());
        }
    }

    /** Reads the object an {@code s3://bucket/key} URI names (any bucket these credentials can read). */
    public byte[] getUri(String s3Uri) {
        String[] at = bucketAndKey(s3Uri);
        return s3.getObjectAsBytes(b -> b.bucket(at[0]).key(at[1])).asByteArray();
    }

    /**
     * Streams the object an {@code s3://bucket/key} URI names to {@code target} (which must not exist), without
     * holding it in memory: model weights can be gigabytes.
     */
    public void downloadUri(String s3Uri, java.nio.file.Path target) {
        String[] at = bucketAndKey(s3Uri);
        s3.getObject(
                b -> b.bucket(at[0]).key(at[1]), software.amazon.awssdk.core.sync.ResponseTransformer.toFile(target));
    }

    /** The keys under an {@code s3://bucket/prefix} URI (any bucket these credentials can list), in key order. */
    public List<String> listUri(String s3Prefix) {
        String[] at = bucketAndKey(s3Prefix);
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(at[0]).prefix(at[1])).contents().forEach(o -> keys.add(o.key()));
        return keys;
    }

    private static String[] bucketAndKey(String s3Uri) {
        if (!s3Uri.startsWith("s3://") || s3Uri.indexOf('/', 5) < 0) {
            throw new IllegalArgumentException("not an s3://bucket/key URI: " + s3Uri);
        }
        int slash = s3Uri.indexOf('/', 5);
        return new String[] {s3Uri.substring(5, slash), s3Uri.substring(slash + 1)};
    }

    /**
     * Uploads {@code size} bytes from {@code in}: one PUT below the multipart threshold, otherwise a multipart upload
     * in parts of the configured size, aborted on any failure so no orphan parts stay behind.
     */
    public void upload(String key, InputStream in, long size, String contentType) throws IOException {
        if (size < config.multipartThresholdBytes()) {
            s3.putObject(
                    b -> b.bucket(config.bucket())
                            .key(key)
                            .contentType(contentType)
                            .contentLength(size),
                    RequestBody.fromInputStream(in, size));
            return;
        }
        String uploadId = s3.createMultipartUpload(
                        b -> b.bucket(config.bucket()).key(key).contentType(contentType))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long remaining = size;
            int partNumber = 1;
            while (remaining > 0) {
                int partSize = (int) Math.min(config.multipartPartBytes(), remaining);
                byte[] part = in.readNBytes(partSize);
                if (part.length != partSize) {
                    throw new IOException("Stream ended after " + (size - remaining + part.length) + " of " + size
                            + " bytes for " + uri(key));
                }
                int number = partNumber;
                String etag = s3.uploadPart(
                                b -> b.bucket(config.bucket())
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength((long) partSize),
                                RequestBody.fromBytes(part))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                remaining -= partSize;
                partNumber++;
            }
            s3.completeMultipartUpload(
                    b -> b.bucket(config.bucket()).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(config.bucket()).key(key).uploadId(uploadId));
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /** Keys under {@code prefix}, in key order (all pages). */
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(prefix))
                .contents()
                .forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** Deletes {@code key}; deleting a missing key succeeds. */
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(config.bucket()).key(key));
    }

    @Override
    public void close() {
        s3.close();
    }
}
