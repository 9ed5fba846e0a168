package dev.refinery.ingest.importer;

import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.ingest.pipeline.IngestPipeline;
import dev.refinery.ingest.pipeline.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a source through the pipeline in batches and tallies the outcomes. Resumable by construction: accepted and
 * duplicate pairs and finished URL rows leave markers, so running the same import again publishes nothing twice and
 * downloads nothing again.
 */
public final class ImportRunner {
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** Counts by outcome and by rejection reason. */
    public record Summary(Map<Outcome.Status, Long> byStatus, Map<String, Long> rejectedByReason) {
        public long count(Outcome.Status s) {
            return byStatus.getOrDefault(s, 0L);
        }

        public long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final IngestPipeline pipeline;
    private final int batchSize;

    public ImportRunner(IngestPipeline pipeline, int batchSize) {
        this.pipeline = pipeline;
        this.batchSize = batchSize;
    }

    public Summary run(Iterator<Candidate> source, String traceId) throws InterruptedException {
        Map<Outcome.Status, Long> byStatus = new EnumMap<>(Outcome.Status.class);
        Map<String, Long> reasons = new TreeMap<>();
        List<Candidate> batch = new ArrayList<>(batchSize);
        long done = 0;
        while (source.hasNext()) {
            batch.add(source.next());
            if (batch.size() == batchSize || !source.hasNext()) {
                for (Outcome o : pipeline.ingest(batch, traceId)) {
                    byStatus.merge(o.status(), 1L, Long::sum);
                    if (o.status() == Outcome.Status.REJECTED) {
                        reasons.merge(o.reason(), 1L, Long::sum);
                    }
                }
                done += batch.size();
                batch.clear();
                log.info("Imported {} records so far: {}", done, byStatus);
            }
        }
        return new Summary(byStatus, reasons);
    }
}
