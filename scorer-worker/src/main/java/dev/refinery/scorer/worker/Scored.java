package dev.refinery.scorer.worker;

import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.ScoredPair;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The result for one consumed record: a ScoredPair, or a DeadLetter with the cause. */
record Scored(ConsumerRecord<String, byte[]> source, ScoredPair scored, DeadLetter deadLetter) {
    static Scored ok(ConsumerRecord<String, byte[]> source, ScoredPair scored) {
        return new Scored(source, scored, null);
    }

    static Scored failed(ConsumerRecord<String, byte[]> source, DeadLetter deadLetter) {
        return new Scored(source, null, deadLetter);
    }
}
