package dev.refinery.scorer.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Synthetic clustered unit-vector data with known labels, for {@link SphericalKMeansTest}. */
record PlantedClusters(float[][] vectors, int[] labels, float[][] centres) {

    /** {@code clusters} random unit centres, {@code perCluster} noisy copies of each (Gaussian noise per component). */
    static PlantedClusters generate(int clusters, int perCluster, int dim, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = Vectors.normalizedOrNull(gaussian(dim, 1, random));
        }
        float[][] vectors = new float[clusters * perCluster][];
        int[] labels = new int[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            labels[i] = i % clusters;
            float[] v = gaussian(dim, noise, random);
            for (int d = 0; d < dim; d++) {
                v[d] += centres[labels[i]][d];
            }
            vectors[i] = v;
        }
        return new PlantedClusters(vectors, labels, centres);
    }

    private static float[] gaussian(int dim, double sigma, SplittableRandom random) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            v[d] = (float) (sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }

    /** The share of vectors whose found cluster's majority planted label is their own. */
    static double purity(int[] labels, int[] assignment, int clusters) {
        int found = Arrays.stream(assignment).max().orElse(0) + 1;
        int[][] counts = new int[found][clusters];
        for (int i = 0; i < labels.length; i++) {
            counts[assignment[i]][labels[i]]++;
        }
        int majority = 0;
        for (int[] row : counts) {
            majority += Arrays.stream(row).max().orElse(0);
        }
        return (double) majority / labels.length;
    }
}
