package dev.refinery.cli.demo;

import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.runtime.topic.TopicNames;
import dev.refinery.schemas.ClusterSet;
import dev.refinery.scorer.demo.DemoImage;
import dev.refinery.scorer.demo.ShapeImages;
import dev.refinery.scorer.fit.ClusterFitter;
import dev.refinery.scorer.image.ClipPreprocessor;
import dev.refinery.scorer.image.UndecodableImageException;
import dev.refinery.scorer.inference.ClipModel;
import dev.refinery.scorer.inference.GpuMode;
import dev.refinery.scorer.inference.ModelLocator;
import dev.refinery.scorer.inference.OnnxClipModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bootstraps the demo's cluster set before any pair is scored, so every curated pair has a cluster: embeds a sample
 * of the same kind of images (another seed, not part of the crawl) with the embedded model, fits spherical k-means and
 * publishes the set, as {@code refinery clusters fit} would from {@code pairs.scored}.
 */
final class DemoClusters {
    private static final int BATCH = 32;

    private DemoClusters() {}

    static ClusterSet bootstrap(
            TopicNames topics,
            Map<String, Object> kafka,
            ObjectStore objects,
            Path modelCache,
            int sample,
            int k,
            long seed)
            throws IOException, ai.onnxruntime.OrtException, UndecodableImageException {
        Path dir = ModelLocator.resolve(Optional.empty(), modelCache, objects);
        try (ClipModel model = OnnxClipModel.load(dir, GpuMode.OFF, 0, 1)) {
            ClipPreprocessor preprocessor = new ClipPreprocessor(model.preprocessor());
            List<DemoImage> images = ShapeImages.generate(sample, seed);
            List<float[]> vectors = new ArrayList<>(sample);
            int length = preprocessor.tensorLength();
            for (int from = 0; from < images.size(); from += BATCH) {
                int n = Math.min(BATCH, images.size() - from);
                float[] pixels = new float[n * length];
                for (int i = 0; i < n; i++) {
                    preprocessor.preprocessInto(images.get(from + i).bytes(), pixels, i * length);
                }
                vectors.addAll(List.of(model.embed(pixels, n, List.of()).images())); // L2-normalised already
            }
            return ClusterFitter.publish(topics, kafka, model.id(), vectors, k, seed);
        }
    }
}
