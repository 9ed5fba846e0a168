package dev.refinery.rewriter.worker;

import dev.refinery.rewriter.strategy.ImageAccess;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.schemas.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** The image of a pair in object storage, fetched at most once and only when a strategy asks for it. */
final class S3ImageAccess implements ImageAccess {
    private final ObjectStore objects;
    private final ImageRef ref;
    private byte[] bytes;

    S3ImageAccess(ObjectStore objects, ImageRef ref) {
        this.objects = objects;
        this.ref = ref;
    }

    @Override
    public synchronized byte[] bytes() throws IOException {
        if (bytes == null) {
            try {
                bytes = objects.getUri(ref.getUri());
            } catch (RuntimeException e) {
                throw new IOException("cannot read " + ref.getUri() + ": " + e.getMessage(), e);
            }
        }
        return bytes;
    }

    @Override
    public String mediaType() {
        return switch (ref.getFormat()) {
            case JPEG, PNG, WEBP, GIF -> "image/" + ref.getFormat().name().toLowerCase(Locale.ROOT);
            default -> "application/octet-stream";
        };
    }

    @Override
    public URI presignedUrl(Duration ttl) {
        return objects.presignedGet(ref.getUri(), ttl);
    }
}
