package dev.refinery.cli.monitor;

/**
 * Lag of one consumer group on one partition, as {@code kafka-consumer-groups --describe} reports it
 * ({@code lag = logEndOffset - committed}), plus its age: seconds since the oldest unconsumed record was written
 * (0 when nothing is waiting).
 */
public record PartitionLag(
        String group, String topic, int partition, long committed, long logEndOffset, long lag, double lagSeconds) {}
