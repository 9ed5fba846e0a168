package dev.refinery.selector.replay;

import dev.refinery.schemas.ScoredPair;
import dev.refinery.selector.processor.Resolution;

/** A pair whose final revision is chosen, with how it was chosen and the record time it is decided at. */
record Resolved(ScoredPair pair, Resolution resolution, long timestamp) {}
