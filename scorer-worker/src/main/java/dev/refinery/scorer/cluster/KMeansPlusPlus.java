package dev.refinery.scorer.cluster;

import java.util.SplittableRandom;

/**
 * k-means++ seeding (Arthur and Vassilvitskii, 2007) on unit vectors: each next centre is drawn with probability
 * proportional to {@code 1 - cos} to the nearest centre so far, which is half the squared Euclidean distance on the
 * sphere, so this is the usual D² weighting.
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {}

    /** {@code k} copies of points of {@code x} (unit vectors, {@code k <= x.length}). */
    static float[][] seed(float[][] x, int k, SplittableRandom random) {
        int m = x.length;
        float[][] centres = new float[k][];
        int first = random.nextInt(m);
        centres[0] = x[first].clone();
        double[] distance = new double[m];
        for (int p = 0; p < m; p++) {
            distance[p] = Math.max(0, 1 - Vectors.dot(x[p], centres[0]));
        }
        for (int j = 1; j < k; j++) {
            int pick = draw(distance, random);
            centres[j] = x[pick].clone();
            for (int p = 0; p < m; p++) {
                distance[p] = Math.min(distance[p], Math.max(0, 1 - Vectors.dot(x[p], centres[j])));
            }
        }
        return centres;
    }

    /** An index drawn with probability proportional to its weight; uniform when all weights are zero. */
    private static int draw(double[] weight, SplittableRandom random) {
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        if (total <= 0) {
            return random.nextInt(weight.length);
        }
        double target = random.nextDouble() * total;
        int last = -1;
        for (int p = 0; p < weight.length; p++) {
            if (weight[p] > 0) {
                last = p;
                target -= weight[p];
                if (target < 0) {
                    return p;
                }
            }
        }
        return last;
    }
}
