package dev.refinery.ingest.download;

import java.net.URI;

/** What one HTTP exchange produced: a body, a redirect to follow, or a status that is neither. */
sealed interface Response {

    /** A 2xx answer with its whole body, not empty and within the size limit. */
    record Body(byte[] bytes, String contentType) implements Response {}

    /** A 301, 302, 303, 307 or 308 answer with a usable {@code Location}. */
    record Redirect(int status, URI location) implements Response {}

    /** Any other status, with its {@code Retry-After} header, if any. */
    record Status(int status, String retryAfter) implements Response {

        /** Whether trying again may help: request timeout, too many requests, server errors. */
        boolean retryable() {
            return status == 408 || status == 429 || status >= 500;
        }
    }
}
