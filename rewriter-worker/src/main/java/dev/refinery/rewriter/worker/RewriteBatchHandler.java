package dev.refinery.rewriter.worker;

import dev.refinery.rewriter.config.RewriterConfig;
import dev.refinery.rewriter.config.RewriterConfig.OverEdit;
import dev.refinery.rewriter.edit.EditRatio;
import dev.refinery.rewriter.metrics.RewriterMetrics;
import dev.refinery.rewriter.strategy.RewriteRequest;
import dev.refinery.rewriter.strategy.RewriteResult;
import dev.refinery.rewriter.strategy.RewriteStrategy;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.runtime.worker.BatchHandler;
import dev.refinery.runtime.worker.DeadLetters;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.ScoredPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Rewrites one batch of {@code pairs.rewrite} records concurrently and maps each to exactly one output: revision 1
 * (with provenance) to {@code pairs.rewritten}, or a DLQ record whose reason says why there is no rewrite. The
 * selector then falls back to the original revision after its rewrite wait. Only revision 0 is ever rewritten.
 */
final class RewriteBatchHandler implements BatchHandler {
    static final String STAGE = "rewriter";

    private final SpecificAvroDeserializer<ScoredPair> in;
    private final SpecificAvroSerializer<RawPair> out;
    private final SpecificAvroSerializer<DeadLetter> dlq;
    private final TopicNames topics;
    private final StrategyRouter strategies;
    private final ObjectStore objects;
    private final ExecutorService pool;
    private final RewriterConfig config;
    private final RewriterMetrics metrics;
    private final Clock clock;

    RewriteBatchHandler(
            SpecificAvroDeserializer<ScoredPair> in,
            SpecificAvroSerializer<RawPair> out,
            SpecificAvroSerializer<DeadLetter> dlq,
            TopicNames topics,
            StrategyRouter strategies,
            ObjectStore objects,
            ExecutorService pool,
            RewriterConfig config,
            RewriterMetrics metrics,
            Clock clock) {
        this.in = in;
        this.out = out;
        this.dlq = dlq;
        this.topics = topics;
        this.strategies = strategies;
        this.objects = objects;
        this.pool = pool;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public List<ProducerRecord<String, byte[]>> handle(List<ConsumerRecord<String, byte[]>> batch) {
        List<Future<ProducerRecord<String, byte[]>>> futures = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> r : batch) {
            futures.add(pool.submit(() -> rewriteOne(r)));
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(batch.size());
        for (Future<ProducerRecord<String, byte[]>> f : futures) {
            try {
                records.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new IllegalStateException("interrupted while rewriting a batch", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("rewrite task failed", e.getCause());
            }
        }
        return records;
    }

    private ProducerRecord<String, byte[]> rewriteOne(ConsumerRecord<String, byte[]> r) {
        ScoredPair scored;
        try {
            scored = in.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            return deadLetter(r, "serde.invalid_record", e.getClass().getName(), String.valueOf(e.getMessage()));
        }
        RawPair original = scored.getPair();
        if (original.getRevision() != 0) {
            return deadLetter(
                    r,
                    "rewrite.not_original",
                    getClass().getName(),
                    "revision " + original.getRevision() + " is never rewritten again (at most one rewrite per pair)");
        }
        RewriteStrategy strategy = strategies.choose(scored.getRouteReasons());
        RewriteRequest request = new RewriteRequest(
                original.getPairId(),
                original.getCaption(),
                original.getMetadata(),
                scored.getRouteReasons(),
                new S3ImageAccess(objects, original.getImage()));
        long start = System.nanoTime();
        RewriteResult result;
        try {
            result = strategy.rewrite(request);
        } catch (RuntimeException e) {
            result = new RewriteResult.Failed("rewrite.error", e.toString());
        }
        metrics.backendLatency(strategy.name(), System.nanoTime() - start);
        return switch (result) {
            case RewriteResult.Failed f -> {
                metrics.outcome(strategy.name(), f.reason(), null);
                yield deadLetter(r, f.reason(), strategy.getClass().getName(), f.message());
            }
            case RewriteResult.Rewritten w -> publish(r, scored, strategy.name(), w);
        };
    }

    private ProducerRecord<String, byte[]> publish(
            ConsumerRecord<String, byte[]> r, ScoredPair scored, String strategy, RewriteResult.Rewritten w) {
        RawPair original = scored.getPair();
        String caption = Revisions.normalise(w.caption());
        if (caption.isEmpty() || caption.equals(original.getCaption())) {
            String reason = caption.isEmpty() ? "rewrite.empty" : "rewrite.unchanged";
            metrics.outcome(strategy, reason, null);
            return deadLetter(r, reason, getClass().getName(), "the rewrite is empty or equal to the original");
        }
        double ratio = EditRatio.of(original.getCaption(), caption);
        String flag = null;
        if (ratio > config.maxEditRatio() && !config.editExempt(scored.getRouteReasons())) {
            if (config.overEdit() == OverEdit.REJECT) {
                metrics.outcome(strategy, "rewrite.over_edited", null);
                return deadLetter(
                        r,
                        "rewrite.over_edited",
                        getClass().getName(),
                        String.format(
                                Locale.ROOT, "edit ratio %.3f exceeds the ceiling %.3f", ratio, config.maxEditRatio()));
            }
            flag = String.format(Locale.ROOT, "over_edited:%.3f", ratio);
        }
        RawPair revision = Revisions.revision1(
                original,
                caption,
                strategy,
                w.model(),
                w.promptVersion(),
                ratio,
                config.instanceId(),
                flag,
                clock.instant());
        metrics.outcome(strategy, flag == null ? "rewritten" : "flagged", ratio);
        String topic = topics.pairsRewritten();
        return new ProducerRecord<>(topic, r.key(), out.serialize(topic, revision));
    }

    private ProducerRecord<String, byte[]> deadLetter(
            ConsumerRecord<String, byte[]> r, String reason, String errorClass, String message) {
        DeadLetter letter = DeadLetters.of(STAGE, r, reason, errorClass, message);
        return new ProducerRecord<>(topics.dlq(), r.key(), dlq.serialize(topics.dlq(), letter));
    }
}
