package dev.refinery.selector.replay;

import dev.refinery.schemas.RunManifest;

/** A finished replay: its manifest (status COMPLETED, input ranges with end offsets) and what it did. */
public record ReplayResult(RunManifest manifest, ReplayCounts counts, long unreadable) {}
