package dev.refinery.ingest.dedup;

/** What a dedup marker records; the prefix is part of the marker's key on the dedup topic. */
public enum MarkerKind {
    /** An accepted pair (pair id). */
    PAIR("p:"),
    /** An image that was accepted with some caption (image id). */
    IMAGE("i:"),
    /** A source record whose outcome is final: accepted, duplicate or rejected (input key). */
    INPUT("s:");

    private final String prefix;

    MarkerKind(String prefix) {
        this.prefix = prefix;
    }

    public String key(String id) {
        return prefix + id;
    }

    static MarkerKind ofKey(String key) {
        for (MarkerKind kind : values()) {
            if (key.startsWith(kind.prefix)) {
                return kind;
            }
        }
        return null;
    }
}
