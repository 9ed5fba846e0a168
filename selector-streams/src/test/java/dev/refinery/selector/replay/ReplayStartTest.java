package dev.refinery.selector.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayStartTest {

    @Test
    void shouldStartAtTheLogStartByDefaultOrFromAnInstant() {
        assertThat(ReplayStart.parse(null)).isInstanceOf(ReplayStart.Earliest.class);
        assertThat(ReplayStart.parse("earliest").fromTimestamp()).isNull();
        assertThat(ReplayStart.parse("2026-11-25T10:00:00Z").fromTimestamp())
                .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void shouldRefuseAnythingElse() {
        assertThatThrownBy(() -> ReplayStart.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--from");
    }
}
