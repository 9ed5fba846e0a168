package dev.refinery.scorer.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.runtime.config.Env;
import dev.refinery.runtime.lifecycle.Resources;
import dev.refinery.scorer.config.ScorerConfig;
import dev.refinery.scorer.model.TinyCausalLmModel;
import dev.refinery.scorer.signal.QualitySignal;
import dev.refinery.scorer.signal.SignalSet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerFactorySignalsTest {

    @Test
    void shouldAddThePerplexitySignalWhenThePerplexityModelIsConfigured(@TempDir Path dir) throws Exception {
        TinyCausalLmModel.write(dir);
        ScorerConfig config = ScorerConfig.fromEnv(
                Env.of(Map.of("REFINERY_SCORER_PERPLEXITY_MODEL", dir.toString(), "REFINERY_SCORER_GPU", "off")));

        try (Resources resources = new Resources()) {
            SignalSet signals = WorkerFactory.signals(config, null, resources);

            assertThat(config.perplexityModel()).contains(dir.toString());
            assertThat(signals.signals()).extracting(QualitySignal::name).endsWith("language", "perplexity");
        }
    }

    @Test
    void shouldScoreNoPerplexityByDefault() {
        ScorerConfig config = ScorerConfig.fromEnv(Env.of(Map.of()));

        try (Resources resources = new Resources()) {
            assertThat(config.perplexityModel()).isEmpty();
            assertThat(WorkerFactory.signals(config, null, resources).signals())
                    .extracting(QualitySignal::name)
                    .doesNotContain("perplexity");
        }
    }

    @Test
    void shouldFailAtStartWhenThePerplexityModelCannotBeLoaded(@TempDir Path dir) {
        ScorerConfig config = ScorerConfig.fromEnv(
                Env.of(Map.of("REFINERY_SCORER_PERPLEXITY_MODEL", dir.toString(), "REFINERY_SCORER_GPU", "off")));

        try (Resources resources = new Resources()) {
            assertThatThrownBy(() -> WorkerFactory.signals(config, null, resources))
                    .hasMessageContaining("model.onnx")
                    .hasMessageContaining("--task text-generation");
        }
    }
}
