package dev.refinery.rewriter.vlm;

import dev.refinery.rewriter.strategy.ImageAccess;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** An {@link ImageAccess} with fixed JPEG-like bytes, or one whose fetch fails. */
record TestImage(byte[] data, boolean unavailable) implements ImageAccess {
    /** SOI, an APP0 "JFIF" segment start and EOI: enough to look like a JPEG. */
    static final byte[] JPEG = {
        (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, (byte) 0xFF, (byte) 0xD9
    };

    static final URI PRESIGNED = URI.create("http://s3.test/images/ab/cd.jpg?X-Amz-Signature=abc123");

    static TestImage jpeg() {
        return new TestImage(JPEG, false);
    }

    static TestImage missing() {
        return new TestImage(JPEG, true);
    }

    @Override
    public byte[] bytes() throws IOException {
        if (unavailable) {
            throw new IOException("NoSuchKey: images/ab/cd.jpg");
        }
        return data.clone();
    }

    @Override
    public String mediaType() {
        return "image/jpeg";
    }

    @Override
    public URI presignedUrl(Duration ttl) {
        return PRESIGNED;
    }
}
