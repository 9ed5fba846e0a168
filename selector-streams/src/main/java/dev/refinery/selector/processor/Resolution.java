package dev.refinery.selector.processor;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How the resolver chose the revision it forwards. It travels as the record header {@value #HEADER} through the
 * repartition topic to the quota processor, which records it in the decision's detail.
 */
public enum Resolution {
    /** Revision 0 that was not routed to the rewriter. */
    DIRECT,
    /** The rewrite arrived and scored at least as well as the original. */
    REWRITE_WON,
    /** The rewrite arrived but the original scored better. */
    ORIGINAL_WON,
    /** No rewrite arrived within the wait: the original is used. */
    REWRITE_TIMEOUT,
    /** The rewriter dead-lettered the rewrite: the original is used without waiting. */
    REWRITE_FAILED;

    public static final String HEADER = "refinery.resolution";

    public void writeTo(Headers headers) {
        headers.remove(HEADER);
        headers.add(HEADER, name().getBytes(StandardCharsets.UTF_8));
    }

    /** The resolution carried by {@code headers}; {@link #DIRECT} when absent or unknown. */
    public static Resolution readFrom(Headers headers) {
        Header h = headers.lastHeader(HEADER);
        if (h == null || h.value() == null) {
            return DIRECT;
        }
        try {
            return valueOf(new String(h.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException unknown) {
            return DIRECT;
        }
    }
}
