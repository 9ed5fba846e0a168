package dev.refinery.rewriter.strategy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Lazy access to a pair's image in object storage. */
public interface ImageAccess {
    /** The image bytes (fetched on first call). */
    byte[] bytes() throws IOException;

    /** Media type from the sniffed format, e.g. {@code image/jpeg}. */
    String mediaType();

    /** A presigned GET URL valid for {@code ttl}, for model servers that fetch the image themselves. */
    URI presignedUrl(Duration ttl);
}
