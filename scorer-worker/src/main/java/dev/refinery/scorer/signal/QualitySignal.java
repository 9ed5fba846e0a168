package dev.refinery.scorer.signal;

import dev.refinery.schemas.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * A family of rule-based quality signals computed for every scored pair (the scorer's signal SPI).
 *
 * <p>Implementations must be stateless, or at least thread-safe: one instance serves all scorer threads. Every
 * {@link Signal} a family emits carries the family's {@link #version()}; bump it whenever a rule changes what is
 * emitted, so downstream consumers can tell old values from new ones. A family may throw a {@link RuntimeException}
 * for a bad input; {@link SignalSet} contains it. A family backed by a model overrides {@link #computeBatch} to run
 * the model once per batch.
 */
public interface QualitySignal {

    /** The family name, unique within a {@link SignalSet}, in {@code snake_case}. */
    String name();

    /** The version recorded in every signal of this family. */
    String version();

    /** The signals of this family for one pair; never null. */
    List<Signal> compute(SignalInput in);

    /** The signals of this family for each pair of a batch, in order; by default {@link #compute} for each. */
    default List<List<Signal>> computeBatch(List<SignalInput> batch) {
        List<List<Signal>> out = new ArrayList<>(batch.size());
        for (SignalInput in : batch) {
            out.add(compute(in));
        }
        return out;
    }
}
