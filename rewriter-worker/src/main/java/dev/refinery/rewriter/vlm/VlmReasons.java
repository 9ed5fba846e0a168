package dev.refinery.rewriter.vlm;

/** The {@code RewriteResult.Failed} reasons of the {@code vlm} strategy. */
public final class VlmReasons {
    /** The model judged the caption good (score at or above the threshold), or its recaption equals the caption. */
    public static final String UNCHANGED = "rewrite.unchanged";
    /** The model judged the caption poor but gave no recaption. */
    public static final String EMPTY = "rewrite.empty";
    /** No score or recaption could be read from the answer, or the recaption is absurd (too long). Not retried. */
    public static final String MALFORMED_ANSWER = "rewrite.malformed_answer";
    /** The server refused the request with a 4xx other than 408 and 429. Not retried. */
    public static final String BACKEND_REJECTED = "rewrite.backend_rejected";
    /** The last attempt timed out. */
    public static final String BACKEND_TIMEOUT = "rewrite.backend_timeout";
    /** The last attempt got a 5xx, 408 or 429, or could not connect. */
    public static final String BACKEND_ERROR = "rewrite.backend_error";
    /** The circuit breaker is open; no request was made. */
    public static final String CIRCUIT_OPEN = "rewrite.circuit_open";
    /** The image could not be read from object storage; no request was made. */
    public static final String IMAGE_UNAVAILABLE = "rewrite.image_unavailable";
    /** The calling thread was interrupted; its interrupt flag is set again. */
    public static final String INTERRUPTED = "rewrite.interrupted";
    /** An unexpected exception (a bug); logged with its stack trace. */
    public static final String INTERNAL_ERROR = "rewrite.internal_error";

    private VlmReasons() {}
}
