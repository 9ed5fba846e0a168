package dev.refinery.ingest.validate;

/**
 * Called by the format readers as soon as a header has given dimensions, before they look at the rest of the file, so
 * that a decompression bomb is refused from its header alone. Takes {@code long}s so that unsigned 32-bit header
 * fields arrive intact.
 */
@FunctionalInterface
interface DimensionCheck {

    void check(long width, long height) throws RejectedInputException;
}
