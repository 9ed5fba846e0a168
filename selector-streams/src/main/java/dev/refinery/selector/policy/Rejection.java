package dev.refinery.selector.policy;

/**
 * Why a pair failed before reaching the quota.
 *
 * @param reason machine-readable: {@code rule:<signal>}, {@code rule:<signal>:missing}, {@code
 *     missing_signal:<name>} or {@code scorer:reject}
 * @param detail human-readable, e.g. {@code caption_words=1.0 < min 2.0}
 */
public record Rejection(String reason, String detail) {}
