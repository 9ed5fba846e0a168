package dev.refinery.cli.scorer;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.config.PlatformConfig;
import dev.refinery.schemas.ClusterSet;
import dev.refinery.scorer.fit.ClusterFitter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code refinery clusters fit}. */
@Command(
        name = "clusters",
        mixinStandardHelpOptions = true,
        description = "Cluster sets of image embeddings.",
        subcommands = {ClustersCommand.Fit.class})
public final class ClustersCommand {

    /** {@code refinery clusters fit --k K --sample N}. */
    @Command(
            name = "fit",
            mixinStandardHelpOptions = true,
            description = "Fit spherical k-means (k-means++ init) on a sample of image embeddings from pairs.scored"
                    + " and publish a new cluster set to the clusters topic; scorers use it without a restart.")
    public static final class Fit implements Callable<Integer> {
        @Option(names = "--k", description = "Number of clusters (default: ${DEFAULT-VALUE}).")
        int k = 16;

        @Option(names = "--sample", description = "Most embeddings to read (default: ${DEFAULT-VALUE}).")
        int sample = 20_000;

        @Option(names = "--model-id", description = "Model whose embeddings to cluster (default: the first seen).")
        String modelId;

        @Option(names = "--seed", description = "Random seed of k-means++ (default: ${DEFAULT-VALUE}).")
        long seed = 42;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Env env = Env.system();
            PlatformConfig platform = PlatformConfig.fromEnv(env);
            Map<String, Object> kafka = new HashMap<>(platform.kafkaClientProperties());
            kafka.putAll(env.kafkaOverrideMap());
            ClusterSet set = ClusterFitter.fit(platform.topics(), kafka, k, sample, Optional.ofNullable(modelId), seed);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Published cluster set %s: %d clusters of %d embeddings (%s)%n",
                            set.getVersion(), set.getCentroids().size(), set.getSampleSize(), set.getEmbeddingModel());
            return 0;
        }
    }
}
