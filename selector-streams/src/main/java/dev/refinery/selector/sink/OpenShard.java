package dev.refinery.selector.sink;

/**
 * A shard being built for one partition: it covers offsets from {@code start} (the consumer position when it
 * opened, which may be a transaction marker) to the last offset added, inclusive.
 */
final class OpenShard {
    final long start;
    final ShardWriter writer;
    long end;

    OpenShard(long start, ShardWriter writer) {
        this.start = start;
        this.writer = writer;
        this.end = start - 1;
    }
}
