package dev.refinery.selector.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.Decision;
import dev.refinery.schemas.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunDiffTest {

    @Test
    void shouldCountAcceptedAddedAndRemovedPairsPerCluster() {
        List<Decision> decisions = List.of(
                decision("a", "p1", 0, true),
                decision("a", "p2", 0, true),
                decision("a", "p3", 1, false),
                decision("a", "p4", null, true),
                decision("b", "p1", 0, true),
                decision("b", "p2", 0, false),
                decision("b", "p3", 1, true),
                decision("b", "p4", null, true),
                decision("b", "p5", 10, true),
                decision("live", "p6", 0, true));

        RunDiff diff = RunDiff.of("a", "b", decisions);

        assertThat(diff.decidedA()).isEqualTo(4);
        assertThat(diff.decidedB()).isEqualTo(5);
        assertThat(diff.clusters()).extracting(ClusterDiff::cluster).containsExactly("0", "1", "10", "none");
        ClusterDiff zero = diff.clusters().get(0);
        assertThat(zero.acceptedA()).isEqualTo(2);
        assertThat(zero.acceptedB()).isEqualTo(1);
        assertThat(zero.added()).isEmpty();
        assertThat(zero.removed()).containsExactly("p2");
        assertThat(diff.clusters().get(1).added()).containsExactly("p3");
        assertThat(diff.clusters().get(2).added()).containsExactly("p5");
        assertThat(diff.acceptedA()).isEqualTo(3);
        assertThat(diff.acceptedB()).isEqualTo(4);
        assertThat(diff.added()).isEqualTo(2);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.acceptedB() - diff.acceptedA()).isEqualTo(diff.added() - diff.removed());
    }

    private static Decision decision(String run, String pair, Integer cluster, boolean accepted) {
        return Decision.newBuilder()
                .setPairId(pair)
                .setImageId("img-" + pair)
                .setRevision(0)
                .setOutcome(accepted ? Outcome.ACCEPTED : Outcome.REJECTED)
                .setReason(accepted ? "within_cluster_quota" : "below_cluster_quota")
                .setDetail(null)
                .setClusterId(cluster)
                .setClusterSetVersion(null)
                .setRankScore(0.3)
                .setThreshold(0.25)
                .setScores(Map.of())
                .setRunId(run)
                .setPolicyName("proportional")
                .setPolicyHash("h")
                .setDecidedAt(Instant.EPOCH)
                .build();
    }
}
