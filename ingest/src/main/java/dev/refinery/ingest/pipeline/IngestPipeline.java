package dev.refinery.ingest.pipeline;

import dev.refinery.ingest.dedup.DedupStore;
import dev.refinery.ingest.dedup.MarkerKind;
import dev.refinery.ingest.metrics.IngestMetrics;
import dev.refinery.ingest.publish.TransactionalPublisher;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.schemas.ImageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The ingest path every source shares: prepare (download, validate, identify) candidates in parallel, drop exact
 * duplicates, write accepted images to object storage once (claim check), then publish the RawPairs, DLQ records and
 * dedup markers of the batch in one Kafka transaction. Every candidate ends as exactly one {@link Outcome}. Failures of
 * the infrastructure (S3, Kafka) are not outcomes: they throw {@link IngestUnavailableException} and nothing of the
 * batch is published.
 */
public final class IngestPipeline {
    /** A dedup marker the batch's transaction writes. */
    private record Marker(MarkerKind kind, String id) {}

    private final InputPreparer preparer;
    private final DedupStore dedup;
    private final ObjectStore objects;
    private final TransactionalPublisher publisher;
    private final EventFactory events;
    private final IngestMetrics metrics;
    private final ExecutorService workers;
    private final String imagePrefix;
    private final Duration publishTimeout;

    IngestPipeline(
            InputPreparer preparer,
            DedupStore dedup,
            ObjectStore objects,
            TransactionalPublisher publisher,
            EventFactory events,
            IngestMetrics metrics,
            ExecutorService workers,
            String imagePrefix,
            Duration publishTimeout) {
        this.preparer = preparer;
        this.dedup = dedup;
        this.objects = objects;
        this.publisher = publisher;
        this.events = events;
        this.metrics = metrics;
        this.workers = workers;
        this.imagePrefix = imagePrefix;
        this.publishTimeout = publishTimeout;
    }

    /** Ingests a batch; the outcomes are in the candidates' order. */
    public List<Outcome> ingest(List<Candidate> candidates, String traceId) throws InterruptedException {
        List<Prepared> prepared = prepareAll(candidates);
        List<Outcome> outcomes = new ArrayList<>(prepared.size());
        List<Prepared> accepted = new ArrayList<>();
        List<String> reserved = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        Set<String> imagesInBatch = new HashSet<>();
        Set<String> inputsInBatch = new HashSet<>();
        try {
            for (Prepared p : prepared) {
                boolean firstOfInput = inputsInBatch.add(p.inputKey()) && !dedup.seen(MarkerKind.INPUT, p.inputKey());
                if (p.skipped()) {
                    outcomes.add(Outcome.skipped());
                } else if (!p.valid()) {
                    outcomes.add(Outcome.rejected(
                            p.rejection().reason(), p.rejection().getMessage()));
                    if (firstOfInput) {
                        records.add(events.deadLetter(p, traceId));
                    }
                } else if (!dedup.reserve(p.pairId())) {
                    outcomes.add(Outcome.duplicate(p.pairId(), p.imageId()));
                } else {
                    reserved.add(p.pairId());
                    accepted.add(p);
                    boolean imageSeen = dedup.seen(MarkerKind.IMAGE, p.imageId()) || !imagesInBatch.add(p.imageId());
                    records.add(events.rawPair(p, objects.uri(objectKey(p.imageId())), imageSeen, traceId));
                    markers.add(new Marker(MarkerKind.PAIR, p.pairId()));
                    markers.add(new Marker(MarkerKind.IMAGE, p.imageId()));
                    outcomes.add(Outcome.accepted(p.pairId(), p.imageId()));
                }
                if (firstOfInput) {
                    markers.add(new Marker(MarkerKind.INPUT, p.inputKey()));
                }
            }
            storeImages(accepted);
            for (Marker m : markers) {
                records.add(dedup.marker(m.kind(), m.id()));
            }
            if (!records.isEmpty()) {
                publisher.publish(records).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            reserved.forEach(dedup::release);
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IngestUnavailableException("Batch of " + candidates.size() + " not ingested: " + cause, cause);
        }
        for (Marker m : markers) {
            dedup.committed(m.kind(), m.id());
        }
        metrics.record(
                outcomes, accepted.stream().mapToLong(p -> p.bytes().length).sum());
        return outcomes;
    }

    private List<Prepared> prepareAll(List<Candidate> candidates) throws InterruptedException {
        List<Future<Prepared>> futures = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            futures.add(workers.submit(() -> preparer.prepare(c)));
        }
        List<Prepared> prepared = new ArrayList<>(candidates.size());
        for (Future<Prepared> f : futures) {
            try {
                prepared.add(f.get());
            } catch (ExecutionException e) {
                futures.forEach(other -> other.cancel(true));
                throw new IngestUnavailableException("Preparing a candidate failed unexpectedly: " + e.getCause(), e);
            }
        }
        return prepared;
    }

    private void storeImages(List<Prepared> accepted) throws InterruptedException, ExecutionException {
        // The image marker is committed only after its object was written, so a marked image is in the store; an
        // unmarked one is written with a plain PUT, which is idempotent for content-addressed keys (no HEAD needed).
        List<Future<?>> puts = new ArrayList<>(accepted.size());
        Set<String> written = new HashSet<>();
        for (Prepared p : accepted) {
            if (!dedup.seen(MarkerKind.IMAGE, p.imageId()) && written.add(p.imageId())) {
                puts.add(workers.submit(() -> objects.put(
                        objectKey(p.imageId()), p.bytes(), contentType(p.info().format()))));
            }
        }
        for (Future<?> put : puts) {
            put.get();
        }
    }

    /** {@code images/<first 2 hex>/<image_id>}. */
    public String objectKey(String imageId) {
        return imagePrefix + imageId.substring(0, 2) + "/" + imageId;
    }

    static String contentType(ImageFormat format) {
        return switch (format) {
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
            case WEBP -> "image/webp";
            case GIF -> "image/gif";
            default -> "application/octet-stream";
        };
    }
}
