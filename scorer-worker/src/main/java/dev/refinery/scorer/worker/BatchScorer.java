package dev.refinery.scorer.worker;

import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.worker.DeadLetters;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.schemas.Signal;
import dev.refinery.scorer.cluster.Float16;
import dev.refinery.scorer.image.ClipPreprocessor;
import dev.refinery.scorer.image.ImageDecoder;
import dev.refinery.scorer.image.UndecodableImageException;
import dev.refinery.scorer.inference.ClipModel;
import dev.refinery.scorer.inference.Embeddings;
import dev.refinery.scorer.metrics.ScorerMetrics;
import dev.refinery.scorer.route.RouteDecision;
import dev.refinery.scorer.route.Router;
import dev.refinery.scorer.signal.SignalInput;
import dev.refinery.scorer.signal.SignalSet;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Scores one batch of consumed records: deserialize, fetch image bytes from S3 in parallel, decode and preprocess on
 * a bounded pool, one model call for the batch, signals, cluster, route. A bad record becomes a DeadLetter (its own
 * cause); an unavailable S3 or a failing model for the whole batch throws, so the caller aborts and retries.
 */
final class BatchScorer {
    private final SpecificAvroDeserializer<RawPair> rawDeserializer;
    private final ObjectStore objects;
    private final ClipPreprocessor preprocessor;
    private final ClipModel model;
    private final SignalSet signals;
    private final ClusterAssigner clusters;
    private final Router router;
    private final ExecutorService fetchPool;
    private final ExecutorService decodePool;
    private final ScorerMetrics metrics;
    private final int pixelsPerImage;

    BatchScorer(
            SpecificAvroDeserializer<RawPair> rawDeserializer,
            ObjectStore objects,
            ClipModel model,
            SignalSet signals,
            ClusterAssigner clusters,
            Router router,
            ExecutorService fetchPool,
            ExecutorService decodePool,
            ScorerMetrics metrics,
            ImageDecoder decoder) {
        this.rawDeserializer = rawDeserializer;
        this.objects = objects;
        this.preprocessor = new ClipPreprocessor(model.preprocessor(), decoder);
        this.model = model;
        this.signals = signals;
        this.clusters = clusters;
        this.router = router;
        this.fetchPool = fetchPool;
        this.decodePool = decodePool;
        this.metrics = metrics;
        this.pixelsPerImage = model.preprocessor().tensorLength();
    }

    List<Scored> score(List<ConsumerRecord<String, byte[]>> records) {
        int n = records.size();
        Scored[] out = new Scored[n];
        RawPair[] pairs = new RawPair[n];
        float[] pixels = new float[n * pixelsPerImage];
        List<CompletableFuture<Void>> work = new ArrayList<>(n);
        long fetchStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ConsumerRecord<String, byte[]> r = records.get(i);
            try {
                pairs[i] = rawDeserializer.deserialize(r.topic(), r.value());
                if (pairs[i] == null) {
                    throw new SerializationException("null value (tombstone) on a pair topic");
                }
            } catch (SerializationException e) {
                out[i] = Scored.failed(r, DeadLetters.of("scorer", r, "serde.invalid_record", e));
                continue;
            }
            int slot = i;
            work.add(CompletableFuture.supplyAsync(
                            () -> objects.getUri(pairs[slot].getImage().getUri()), fetchPool)
                    .thenAcceptAsync(bytes -> decode(bytes, slot, pixels), decodePool)
                    .exceptionally(e -> {
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        Scored failed = recordFailure(r, cause);
                        if (failed == null) { // S3 down or anything unexpected: fail the batch, it is retried
                            throw new IllegalStateException("Batch not scored: " + cause, cause);
                        }
                        out[slot] = failed;
                        return null;
                    }));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        metrics.fetchDecode(System.nanoTime() - fetchStart, n);
        return infer(records, pairs, pixels, out);
    }

    private void decode(byte[] bytes, int slot, float[] pixels) {
        try {
            preprocessor.preprocessInto(bytes, pixels, slot * pixelsPerImage);
        } catch (UndecodableImageException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /** The DLQ record for a failure that is the record's own (bad image, missing object), else null. */
    private static Scored recordFailure(ConsumerRecord<String, byte[]> r, Throwable cause) {
        if (cause instanceof UndecodableImageException u) {
            return Scored.failed(r, DeadLetters.of("scorer", r, u.reason(), u));
        }
        if (cause instanceof NoSuchKeyException) {
            return Scored.failed(r, DeadLetters.of("scorer", r, "image.missing_object", cause));
        }
        if (cause instanceof IllegalArgumentException) {
            return Scored.failed(r, DeadLetters.of("scorer", r, "image.invalid_uri", cause));
        }
        return null;
    }

    private List<Scored> infer(
            List<ConsumerRecord<String, byte[]>> records, RawPair[] pairs, float[] pixels, Scored[] out) {
        List<Integer> ok = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                ok.add(i);
            }
        }
        if (!ok.isEmpty()) {
            float[] packed = new float[ok.size() * pixelsPerImage];
            List<String> captions = new ArrayList<>(ok.size());
            for (int j = 0; j < ok.size(); j++) {
                System.arraycopy(pixels, ok.get(j) * pixelsPerImage, packed, j * pixelsPerImage, pixelsPerImage);
                captions.add(pairs[ok.get(j)].getCaption());
            }
            long start = System.nanoTime();
            Embeddings e = model.embed(packed, ok.size(), captions);
            metrics.inference(System.nanoTime() - start, ok.size());
            List<SignalInput> inputs = new ArrayList<>(ok.size());
            for (int j = 0; j < ok.size(); j++) {
                inputs.add(signalInput(pairs[ok.get(j)], e.images()[j], e.cosine(j, j)));
            }
            List<List<Signal>> computed = signals.compute(inputs); // one call per family: model signals batch
            for (int j = 0; j < ok.size(); j++) {
                int i = ok.get(j);
                out[i] = Scored.ok(
                        records.get(i),
                        scoredPair(pairs[i], e.images()[j], e.texts()[j], e.cosine(j, j), computed.get(j)));
            }
        }
        List<Scored> result = List.of(out);
        for (Scored s : result) {
            if (s.scored() != null) {
                List<String> reasons = s.scored().getRouteReasons();
                metrics.record("scored", s.scored().getRoute().name(), reasons.isEmpty() ? "none" : reasons.get(0));
            } else {
                metrics.record("dead_letter", "none", s.deadLetter().getReason());
            }
        }
        return result;
    }

    private static SignalInput signalInput(RawPair pair, float[] image, double clip) {
        return new SignalInput(
                pair.getCaption(),
                pair.getImage().getWidth(),
                pair.getImage().getHeight(),
                pair.getImage().getSizeBytes(),
                pair.getImage().getFormat(),
                clip,
                image);
    }

    private ScoredPair scoredPair(RawPair pair, float[] image, float[] text, double clip, List<Signal> computed) {
        RouteDecision route = router.route(pair.getRevision(), clip, computed);
        return ScoredPair.newBuilder()
                .setPair(pair)
                .setClipScore(clip)
                .setImageEmbedding(ByteBuffer.wrap(Float16.encode(image)))
                .setTextEmbedding(ByteBuffer.wrap(Float16.encode(text)))
                .setSignals(computed)
                .setCluster(clusters.assign(image))
                .setRoute(route.route())
                .setRouteReasons(route.reasons())
                .setRoutingPolicyVersion(router.policy().version())
                .setModelId(model.id())
                .setScoredAt(Instant.now())
                .build();
    }
}
