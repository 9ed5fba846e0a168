package dev.refinery.selector.sink;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic shard object names, from the run, the partition and the inclusive offset range of the curated
 * records a shard holds: {@code curated/<run>/shards/p00003-000000000100-000000000149.tar} plus {@code .idx.json}. A
 * retry of the same range writes the same names, so it overwrites rather than duplicates.
 */
public final class ShardNames {
    private static final Pattern NAME = Pattern.compile("p(\\d{5})-(\\d{12})-(\\d{12})\\.idx\\.json$");

    private ShardNames() {}

    public static String runPrefix(String runId) {
        return "curated/" + runId + "/";
    }

    /** Common prefix of every shard of {@code partition} that starts at {@code start}. */
    public static String startPrefix(String runId, int partition, long start) {
        return String.format(Locale.ROOT, "%sshards/p%05d-%012d-", runPrefix(runId), partition, start);
    }

    public static String tar(String runId, int partition, long start, long end) {
        return String.format(Locale.ROOT, "%s%012d.tar", startPrefix(runId, partition, start), end);
    }

    public static String index(String runId, int partition, long start, long end) {
        return String.format(Locale.ROOT, "%s%012d.idx.json", startPrefix(runId, partition, start), end);
    }

    /** The inclusive end offset of a completed shard, from its index name. */
    public static Optional<Long> endOfIndex(String key) {
        Matcher m = NAME.matcher(key);
        return m.find() ? Optional.of(Long.parseLong(m.group(3))) : Optional.empty();
    }
}
