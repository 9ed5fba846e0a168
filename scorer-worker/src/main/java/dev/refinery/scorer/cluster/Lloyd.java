package dev.refinery.scorer.cluster;

import java.util.Arrays;

/** Lloyd iterations of {@link SphericalKMeans} over unit vectors, updating the given centroids in place. */
final class Lloyd {
    /** A vector this similar to its centroid already sits on it; moving it cannot fill an empty cluster usefully. */
    private static final double ON_CENTROID = 1 - 1e-9;

    private final float[][] x;
    private final float[][] centroids;
    private final int[] assignment;
    private final double[] similarity;
    private final long[] sizes;

    Lloyd(float[][] x, float[][] centroids) {
        this.x = x;
        this.centroids = centroids;
        this.assignment = new int[x.length];
        this.similarity = new double[x.length];
        this.sizes = new long[centroids.length];
        Arrays.fill(assignment, -1);
    }

    /** Runs until assignments are stable or {@code maxIterations}; returns the iterations run. */
    int run(int maxIterations) {
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            boolean changed = assign();
            changed |= reseedEmpty();
            if (!changed) {
                return iteration;
            }
            update();
        }
        return maxIterations;
    }

    int[] assignment() {
        return assignment;
    }

    long[] sizes() {
        return sizes;
    }

    private boolean assign() {
        boolean changed = false;
        Arrays.fill(sizes, 0);
        for (int p = 0; p < x.length; p++) {
            int best = 0;
            double bestDot = Vectors.dot(x[p], centroids[0]);
            for (int j = 1; j < centroids.length; j++) {
                double dot = Vectors.dot(x[p], centroids[j]);
                if (dot > bestDot) {
                    bestDot = dot;
                    best = j;
                }
            }
            changed |= assignment[p] != best;
            assignment[p] = best;
            similarity[p] = bestDot;
            sizes[best]++;
        }
        return changed;
    }

    /** Moves the farthest vector (from a cluster of 2+) into each empty cluster; true if any moved. */
    private boolean reseedEmpty() {
        boolean moved = false;
        for (int j = 0; j < centroids.length; j++) {
            if (sizes[j] > 0) {
                continue;
            }
            int farthest = -1;
            for (int p = 0; p < x.length; p++) {
                if (sizes[assignment[p]] > 1
                        && similarity[p] < ON_CENTROID
                        && (farthest < 0 || similarity[p] < similarity[farthest])) {
                    farthest = p;
                }
            }
            if (farthest < 0) {
                continue;
            }
            sizes[assignment[farthest]]--;
            sizes[j] = 1;
            assignment[farthest] = j;
            similarity[farthest] = 1;
            centroids[j] = x[farthest].clone();
            moved = true;
        }
        return moved;
    }

    private void update() {
        int dim = x[0].length;
        double[][] sums = new double[centroids.length][dim];
        for (int p = 0; p < x.length; p++) {
            double[] sum = sums[assignment[p]];
            float[] v = x[p];
            for (int d = 0; d < dim; d++) {
                sum[d] += v[d];
            }
        }
        for (int j = 0; j < centroids.length; j++) {
            if (sizes[j] > 0) {
                Vectors.normalizeInPlace(sums[j], centroids[j]);
            }
        }
    }
}
