package dev.refinery.scorer.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Spherical k-means: k-means under cosine similarity, for L2-normalised embeddings. Inputs are normalised (copies);
 * zero and non-finite vectors are skipped (assignment -1, in no cluster). Seeding is k-means++ with a
 * {@link SplittableRandom} of the given seed, then Lloyd iterations (assign each vector to the most similar centroid,
 * set each centroid to the normalised mean of its members) until no assignment changes or {@code maxIterations}.
 * After each assignment, an empty cluster is re-seeded with the vector farthest from its own centroid (taken from a
 * cluster of two or more). Single-threaded and deterministic for a seed; one iteration over 10k × 512 with k = 16
 * takes about 30 ms (0.2 s in all for clustered data, 1.2 s for structureless noise, which needs 36 iterations).
 */
public final class SphericalKMeans {
    /**
     * @param centroids unit vectors, {@code min(k, usable vectors)} of them
     * @param assignment per input vector, its centroid, or -1 for a skipped (zero or non-finite) vector
     * @param sizes members per centroid
     * @param iterations Lloyd iterations run (assignment passes)
     * @param meanSimilarity mean cosine of the assigned vectors to their centroids
     */
    public record Result(float[][] centroids, int[] assignment, long[] sizes, int iterations, double meanSimilarity) {}

    /** The most similar centroid and its cosine similarity to the vector. */
    public record Nearest(int id, double similarity) {}

    private SphericalKMeans() {}

    /**
     * @param vectors the points, all of one dimension
     * @param k clusters wanted; fewer come back when there are fewer usable vectors
     * @throws IllegalArgumentException for no vectors, a null vector, a dimension mismatch, k or maxIterations below
     *     1, or no usable vector
     */
    public static Result fit(float[][] vectors, int k, long seed, int maxIterations) {
        if (k < 1 || maxIterations < 1) {
            throw new IllegalArgumentException("k and maxIterations must be >= 1, got " + k + ", " + maxIterations);
        }
        int dim = dimension(vectors);
        int[] assignment = new int[vectors.length];
        int[] index = new int[vectors.length];
        float[][] x = new float[vectors.length][];
        int m = 0;
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] == null || vectors[i].length != dim) {
                throw new IllegalArgumentException("vector " + i + " is null or not of dimension " + dim);
            }
            float[] unit = Vectors.normalizedOrNull(vectors[i]);
            assignment[i] = -1;
            if (unit != null) {
                index[m] = i;
                x[m++] = unit;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("all " + vectors.length + " vectors are zero or not finite");
        }
        x = Arrays.copyOf(x, m);
        float[][] centroids = KMeansPlusPlus.seed(x, Math.min(k, m), new SplittableRandom(seed));
        Lloyd lloyd = new Lloyd(x, centroids);
        int iterations = lloyd.run(maxIterations);
        double similarity = 0;
        for (int p = 0; p < m; p++) {
            assignment[index[p]] = lloyd.assignment()[p];
            similarity += Vectors.dot(x[p], centroids[lloyd.assignment()[p]]);
        }
        return new Result(centroids, assignment, lloyd.sizes(), iterations, similarity / m);
    }

    /** The index of the centroid most similar to {@code v}; see {@link #nearestWithSimilarity}. */
    public static int nearest(float[] v, float[][] centroids) {
        return nearestWithSimilarity(v, centroids).id();
    }

    /**
     * The most similar centroid (lowest index on ties) and its cosine similarity to {@code v}, which need not be
     * normalised; the centroids must be unit vectors, as {@link #fit} returns them.
     *
     * @throws IllegalArgumentException for no centroids, a dimension mismatch, or a zero or non-finite {@code v}
     */
    public static Nearest nearestWithSimilarity(float[] v, float[][] centroids) {
        if (centroids.length == 0) {
            throw new IllegalArgumentException("no centroids");
        }
        double norm = Vectors.norm(v);
        if (norm == 0 || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("a zero or non-finite vector has no nearest centroid");
        }
        int best = -1;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < centroids.length; j++) {
            if (centroids[j].length != v.length) {
                throw new IllegalArgumentException(
                        "centroid " + j + " has dimension " + centroids[j].length + ", vector " + v.length);
            }
            double dot = Vectors.dot(v, centroids[j]);
            if (dot > bestDot) {
                bestDot = dot;
                best = j;
            }
        }
        return new Nearest(best, bestDot / norm);
    }

    private static int dimension(float[][] vectors) {
        if (vectors == null || vectors.length == 0) {
            throw new IllegalArgumentException("no vectors to cluster");
        }
        if (vectors[0] == null || vectors[0].length == 0) {
            throw new IllegalArgumentException("vector 0 is null or empty");
        }
        return vectors[0].length;
    }
}
