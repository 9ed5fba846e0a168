package dev.refinery.scorer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SphericalKMeansTest {

    @Test
    void shouldRecoverWellSeparatedPlantedClusters() {
        PlantedClusters data = PlantedClusters.generate(5, 200, 64, 0.05, 42);

        SphericalKMeans.Result result = SphericalKMeans.fit(data.vectors(), 5, 7, 50);

        assertThat(PlantedClusters.purity(data.labels(), result.assignment(), 5))
                .isGreaterThanOrEqualTo(0.95);
        Set<Integer> found = new HashSet<>();
        for (int c = 0; c < 5; c++) {
            int id = SphericalKMeans.nearest(data.centres()[c], result.centroids());
            found.add(id);
            assertThat(Vectors.dot(data.centres()[c], result.centroids()[id])).isGreaterThan(0.95);
        }
        assertThat(found).hasSize(5);
        assertThat(Arrays.stream(result.sizes()).sum()).isEqualTo(1000);
        assertThat(result.iterations()).isBetween(1, 50);
        assertThat(result.meanSimilarity()).isGreaterThan(0.85).isLessThanOrEqualTo(1.0);
        for (float[] c : result.centroids()) {
            assertThat(Vectors.norm(c)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void shouldBeDeterministicForASeed() {
        PlantedClusters data = PlantedClusters.generate(8, 100, 32, 0.3, 3);

        SphericalKMeans.Result a = SphericalKMeans.fit(data.vectors(), 8, 11, 30);
        SphericalKMeans.Result b = SphericalKMeans.fit(data.vectors(), 8, 11, 30);

        assertThat(a.centroids()).isDeepEqualTo(b.centroids());
        assertThat(a.assignment()).isEqualTo(b.assignment());
        assertThat(a.sizes()).isEqualTo(b.sizes());
        assertThat(a.iterations()).isEqualTo(b.iterations());
        assertThat(a.meanSimilarity()).isEqualTo(b.meanSimilarity());
    }

    @Test
    void shouldReturnOneCentroidPerVectorWhenKExceedsTheVectors() {
        float[][] vectors = {{1, 0, 0}, {0, 2, 0}, {0, 0, -3}};

        SphericalKMeans.Result result = SphericalKMeans.fit(vectors, 10, 1, 10);

        assertThat(result.centroids()).hasNumberOfRows(3);
        assertThat(result.sizes()).containsExactly(1, 1, 1);
        assertThat(new HashSet<>(Arrays.stream(result.assignment()).boxed().toList()))
                .hasSize(3);
        assertThat(result.meanSimilarity()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldSkipZeroAndNonFiniteVectors() {
        float[][] vectors = {{1, 0}, {0, 0}, {0.9f, 0.1f}, {Float.NaN, 1}, {0, 1}, {0.1f, 0.9f}};

        SphericalKMeans.Result result = SphericalKMeans.fit(vectors, 2, 5, 10);

        assertThat(result.assignment()[1]).isEqualTo(-1);
        assertThat(result.assignment()[3]).isEqualTo(-1);
        assertThat(result.assignment()[0]).isEqualTo(result.assignment()[2]);
        assertThat(result.assignment()[4]).isEqualTo(result.assignment()[5]);
        assertThat(result.assignment()[0]).isNotEqualTo(result.assignment()[4]);
        assertThat(result.sizes()).containsExactlyInAnyOrder(2L, 2L);
    }

    @Test
    void shouldReseedAnEmptyClusterFromTheFarthestVector() {
        float[][] x = {unit(1, 0, 0), unit(1, 0.1f, 0), unit(1, 0.6f, 0), unit(0, 0, 1), unit(0, 0.1f, 1)};
        float[][] centroids = {unit(1, 0, 0), unit(1, 0, 0), unit(0, 0, 1)};

        Lloyd lloyd = new Lloyd(x, centroids);
        int iterations = lloyd.run(20);

        assertThat(lloyd.sizes()).doesNotContain(0L);
        assertThat(lloyd.assignment()[2]).isEqualTo(1); // the point farthest from centroid 0 moved to the empty one
        assertThat(iterations).isLessThan(20);
    }

    @Test
    void shouldTerminateWhenEveryVectorIsTheSame() {
        float[][] vectors = new float[6][];
        Arrays.fill(vectors, new float[] {0.6f, 0.8f});

        SphericalKMeans.Result result = SphericalKMeans.fit(vectors, 3, 9, 50);

        assertThat(result.centroids()).hasNumberOfRows(3);
        assertThat(Arrays.stream(result.sizes()).sum()).isEqualTo(6);
        assertThat(result.iterations()).isLessThan(50);
        assertThat(result.meanSimilarity()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void shouldRejectBadInput() {
        assertThatThrownBy(() -> SphericalKMeans.fit(new float[0][], 2, 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SphericalKMeans.fit(new float[][] {{1, 0}, {1, 0, 0}}, 2, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vector 1");
        assertThatThrownBy(() -> SphericalKMeans.fit(new float[][] {{1, 0}, null}, 2, 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SphericalKMeans.fit(new float[][] {{0, 0}, {0, 0}}, 2, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero");
        assertThatThrownBy(() -> SphericalKMeans.fit(new float[][] {{1, 0}}, 0, 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SphericalKMeans.fit(new float[][] {{1, 0}}, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFindTheNearestCentroidWithItsCosine() {
        float[][] centroids = {unit(1, 0), unit(0, 1), unit(-1, 0)};

        SphericalKMeans.Nearest n = SphericalKMeans.nearestWithSimilarity(new float[] {3, 4}, centroids);

        assertThat(n.id()).isEqualTo(1);
        assertThat(n.similarity()).isCloseTo(0.8, within(1e-6));
        assertThat(SphericalKMeans.nearest(new float[] {-5, 1}, centroids)).isEqualTo(2);
        assertThatThrownBy(() -> SphericalKMeans.nearest(new float[] {1, 0, 0}, centroids))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SphericalKMeans.nearest(new float[] {0, 0}, centroids))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SphericalKMeans.nearest(new float[] {1, 0}, new float[0][]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] unit(float... v) {
        return Vectors.normalizedOrNull(v);
    }
}
