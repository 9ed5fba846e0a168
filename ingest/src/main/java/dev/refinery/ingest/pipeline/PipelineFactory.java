package dev.refinery.ingest.pipeline;

import dev.refinery.ingest.config.IngestConfig;
import dev.refinery.ingest.dedup.DedupStore;
import dev.refinery.ingest.download.UrlDownloader;
import dev.refinery.ingest.metrics.IngestMetrics;
import dev.refinery.ingest.publish.TransactionalPublisher;
import dev.refinery.ingest.validate.CaptionNormalizer;
import dev.refinery.ingest.validate.ImageInspector;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.schemas.DeadLetter;
import dev.refinery.schemas.RawPair;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Assembles an {@link IngestPipeline} from its parts (the pipeline's constructor stays package-private). */
public final class PipelineFactory {
    private PipelineFactory() {}

    public static IngestPipeline create(
            IngestConfig config,
            TopicNames topics,
            Map<String, Object> kafkaProps,
            SchemaRegistryClient registry,
            ObjectStore objects,
            DedupStore dedup,
            TransactionalPublisher publisher,
            UrlDownloader downloader,
            IngestMetrics metrics,
            ExecutorService workers) {
        var raw = new SpecificAvroSerializer<RawPair>(registry);
        raw.configure(kafkaProps, false);
        var dlq = new SpecificAvroSerializer<DeadLetter>(registry);
        dlq.configure(kafkaProps, false);
        InputPreparer preparer = new InputPreparer(
                new ImageInspector(config.limits()), new CaptionNormalizer(config.limits()), downloader, dedup);
        return new IngestPipeline(
                preparer,
                dedup,
                objects,
                publisher,
                new EventFactory(topics, raw, dlq, Clock.systemUTC()),
                metrics,
                workers,
                config.imagePrefix(),
                config.publishTimeout());
    }
}
