package dev.refinery.scorer.config;

import dev.refinery.runtime.config.Env;
import dev.refinery.scorer.inference.GpuMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Scorer settings from {@code REFINERY_SCORER_*} variables (every key and default is in docs/configuration.md).
 *
 * @param model a local folder in Optimum CLIP layout, or {@code s3://bucket/prefix/}; empty = the embedded model
 * @param heads optional ONNX heads on the image embedding, {@code name=path,...} (e.g. aesthetic, nsfw)
 * @param perplexityModel a local folder or {@code s3://bucket/prefix/} with a causal LM in Optimum text-generation
 *     layout; empty = no perplexity
 */
public record ScorerConfig(
        Optional<String> model,
        Path modelCache,
        GpuMode gpu,
        int gpuDevice,
        int intraOpThreads,
        int batchSize,
        Duration batchMaxDelay,
        int fetchConcurrency,
        int decodeThreads,
        long maxImagePixels,
        boolean decodeSubsampling,
        int decodeMargin,
        boolean dctScaling,
        String groupId,
        String transactionalId,
        Optional<Path> routingPolicy,
        List<String> languages,
        String heads,
        Optional<String> perplexityModel,
        int httpPort) {

    public ScorerConfig {
        if (batchSize < 1 || fetchConcurrency < 1 || decodeThreads < 1 || decodeMargin < 1) {
            throw new IllegalArgumentException(
                    "REFINERY_SCORER_BATCH_SIZE, _FETCH_CONCURRENCY, _DECODE_THREADS and _DECODE_MARGIN must be >= 1");
        }
        if (batchMaxDelay.isNegative()) {
            throw new IllegalArgumentException("REFINERY_SCORER_BATCH_MAX_DELAY_MS must be >= 0");
        }
        languages = List.copyOf(languages);
    }

    public static ScorerConfig fromEnv(Env env) {
        String instance = env.string(
                "REFINERY_SCORER_INSTANCE_ID",
                Optional.ofNullable(System.getenv("HOSTNAME")).orElse("scorer"));
        int cores = Runtime.getRuntime().availableProcessors();
        return new ScorerConfig(
                env.get("REFINERY_SCORER_MODEL"),
                Path.of(env.string(
                        "REFINERY_SCORER_MODEL_CACHE", System.getProperty("java.io.tmpdir") + "/refinery-models")),
                GpuMode.parse(env.string("REFINERY_SCORER_GPU", "preferred")),
                env.integer("REFINERY_SCORER_GPU_DEVICE", 0),
                env.integer("REFINERY_SCORER_INTRA_OP_THREADS", 0),
                env.integer("REFINERY_SCORER_BATCH_SIZE", 32),
                env.millis("REFINERY_SCORER_BATCH_MAX_DELAY_MS", Duration.ofMillis(200)),
                env.integer("REFINERY_SCORER_FETCH_CONCURRENCY", 32),
                env.integer("REFINERY_SCORER_DECODE_THREADS", cores),
                env.longValue("REFINERY_SCORER_MAX_IMAGE_PIXELS", 89_478_485L),
                env.bool("REFINERY_SCORER_DECODE_SUBSAMPLING", true),
                env.integer("REFINERY_SCORER_DECODE_MARGIN", 2),
                env.bool("REFINERY_SCORER_DCT_SCALING", true),
                env.string("REFINERY_SCORER_GROUP_ID", "refinery-scorer"),
                env.string("REFINERY_SCORER_TRANSACTIONAL_ID", "refinery-scorer-" + instance),
                env.get("REFINERY_SCORER_ROUTING_POLICY").map(Path::of),
                List.of(env.string("REFINERY_SCORER_LANGUAGES", "").split(",")).stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                env.string("REFINERY_SCORER_HEADS", ""),
                env.get("REFINERY_SCORER_PERPLEXITY_MODEL"),
                env.integer("REFINERY_SCORER_HTTP_PORT", 8082));
    }
}
