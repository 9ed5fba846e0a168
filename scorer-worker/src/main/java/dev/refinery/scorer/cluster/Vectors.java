package dev.refinery.scorer.cluster;

/** Dense float vector arithmetic for {@link SphericalKMeans}; plain loops with four accumulators. */
final class Vectors {
    private Vectors() {}

    static double dot(float[] a, float[] b) {
        int n = a.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    /** A unit-length copy, or null when the vector is zero or not finite. */
    static float[] normalizedOrNull(float[] v) {
        double norm = norm(v);
        if (norm == 0 || !Double.isFinite(norm)) {
            return null;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** Writes the unit vector of {@code sum} into {@code into}; false, leaving {@code into} unchanged, if sum is 0. */
    static boolean normalizeInPlace(double[] sum, float[] into) {
        double s = 0;
        for (double x : sum) {
            s += x * x;
        }
        if (s == 0) {
            return false;
        }
        double norm = Math.sqrt(s);
        for (int i = 0; i < sum.length; i++) {
            into[i] = (float) (sum[i] / norm);
        }
        return true;
    }
}
