package dev.refinery.selector.replay;

import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.serde.SpecificAvroDeserializer;
import dev.refinery.runtime.serde.SpecificAvroSerializer;
import dev.refinery.runtime.worker.TransactionalClients;
import dev.refinery.schemas.CuratedPair;
import dev.refinery.schemas.Decision;
import dev.refinery.schemas.RunManifest;
import dev.refinery.schemas.RunStatus;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.schemas.TopicRange;
import dev.refinery.selector.policy.Selector;
import dev.refinery.selector.run.RunCatalog;
import dev.refinery.selector.run.RunManifests;
import dev.refinery.selector.sink.ShardNames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a policy over retained scored pairs as a new run, deterministically: resolves the input ranges (end = the
 * last stable offsets now), writes a RUNNING manifest, reads the ranges and merges them in {@link ReplayOrder}, decides
 * with {@link ReplayCore}, writes decisions and accepted pairs transactionally ({@code refinery-replay-<run>}), and
 * ends with a COMPLETED manifest (FAILED when anything goes wrong). The run's shards are written by the curated sink
 * started with {@code REFINERY_RUN_ID=<run>}.
 */
public final class Replayer {
    private static final Logger log = LoggerFactory.getLogger(Replayer.class);

    private Replayer() {}

    public static ReplayResult run(
            PlatformConfig platform, Map<String, Object> kafka, ReplaySettings s, ObjectStore objects)
            throws Exception {
        String runId = s.runId();
        if (RunCatalog.find(kafka, platform.topics().runs(), runId).isPresent()) {
            throw new IllegalArgumentException("run " + runId + " exists already; choose another run id");
        }
        List<TopicRange> ranges = ReplayInput.ranges(kafka, s.inputTopic(), s.start());
        RunManifest manifest = RunManifests.manifest(
                runId,
                s.parentRunId(),
                RunStatus.RUNNING,
                s.policy(),
                "replay-" + runId,
                ranges,
                s.start().fromTimestamp(),
                objects.uri(ShardNames.runPrefix(runId)),
                Instant.now());
        RunManifests.write(platform, kafka, manifest, objects);
        log.info(
                "Replay {} of policy {} over {} ({} partitions)",
                runId,
                s.policy().name(),
                s.inputTopic(),
                ranges.size());
        var registry = new SchemaRegistryClient(RegistryClientConfig.fromMap(kafka));
        try {
            var scored = new SpecificAvroDeserializer<>(registry, ScoredPair.class);
            scored.configure(kafka, false);
            InputRead input = ReplayInput.read(kafka, ranges, scored);
            ReplayCore core;
            try (ReplayOutput out = output(platform, kafka, registry, s)) {
                core = new ReplayCore(new Selector(s.policy()), runId, s.shardsPerCluster(), s.rewriteWait(), out);
                try {
                    input.records().forEach(core::accept);
                    core.finish();
                    out.flush();
                } catch (RuntimeException e) {
                    out.abort();
                    throw e;
                }
            }
            RunManifest done = RunManifest.newBuilder(manifest)
                    .setStatus(RunStatus.COMPLETED)
                    .setModelVersions(
                            core.modelIds().size() == 1
                                    ? Map.of("embedding", core.modelIds().get(0))
                                    : Map.of())
                    .setClusterSetVersion(
                            core.clusterSetVersions().size() == 1
                                    ? core.clusterSetVersions().get(0)
                                    : null)
                    .setUpdatedAt(Instant.now())
                    .build();
            RunManifests.write(platform, kafka, done, objects);
            log.info("Replay {} completed: {}", runId, core.counts());
            return new ReplayResult(done, core.counts(), input.unreadable());
        } catch (Exception | Error e) {
            log.error("Replay {} failed", runId, e);
            RunManifest failed = RunManifest.newBuilder(manifest)
                    .setStatus(RunStatus.FAILED)
                    .setUpdatedAt(Instant.now())
                    .build();
            try {
                RunManifests.write(platform, kafka, failed, objects);
            } catch (Exception | Error w) {
                e.addSuppressed(w);
            }
            throw e;
        }
    }

    private static ReplayOutput output(
            PlatformConfig platform, Map<String, Object> kafka, SchemaRegistryClient registry, ReplaySettings s) {
        var decisions = new SpecificAvroSerializer<Decision>(registry);
        decisions.configure(kafka, false);
        var curated = new SpecificAvroSerializer<CuratedPair>(registry);
        curated.configure(kafka, false);
        var producer = TransactionalClients.producer(kafka, "refinery-replay-" + s.runId());
        try {
            return new ReplayOutput(producer, platform.topics(), decisions, curated, s.perTransaction());
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }
}
