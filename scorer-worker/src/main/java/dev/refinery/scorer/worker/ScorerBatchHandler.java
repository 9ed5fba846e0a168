package dev.refinery.scorer.worker;

import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.worker.BatchHandler;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Scores a batch and maps each result to its records: the ScoredPair to {@code pairs.scored}, the REWRITE subset also
 * to {@code pairs.rewrite}, failures to the DLQ.
 */
final class ScorerBatchHandler implements BatchHandler {
    private final BatchScorer scorer;
    private final TopicNames topics;
    private final SpecificAvroSerializer<ScoredPair> scoredSerializer;
    private final SpecificAvroSerializer<DeadLetter> dlqSerializer;

    ScorerBatchHandler(
            BatchScorer scorer,
            TopicNames topics,
            SpecificAvroSerializer<ScoredPair> scoredSerializer,
            SpecificAvroSerializer<DeadLetter> dlqSerializer) {
        this.scorer = scorer;
        this.topics = topics;
        this.scoredSerializer = scoredSerializer;
        this.dlqSerializer = dlqSerializer;
    }

    @Override
    public List<ProducerRecord<String, byte[]>> handle(List<ConsumerRecord<String, byte[]>> batch) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(batch.size() + 8);
        for (Scored s : scorer.score(batch)) {
            String key = s.source().key();
            if (s.scored() != null) {
                out.add(new ProducerRecord<>(
                        topics.pairsScored(), key, scoredSerializer.serialize(topics.pairsScored(), s.scored())));
                if (s.scored().getRoute() == Route.REWRITE) {
                    out.add(new ProducerRecord<>(
                            topics.pairsRewrite(), key, scoredSerializer.serialize(topics.pairsRewrite(), s.scored())));
                }
            } else {
                out.add(new ProducerRecord<>(topics.dlq(), key, dlqSerializer.serialize(topics.dlq(), s.deadLetter())));
            }
        }
        return out;
    }
}
