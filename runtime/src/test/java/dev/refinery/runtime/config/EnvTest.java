package dev.refinery.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void shouldTurnKafkaVariablesIntoClientProperties() {
        Env env = Env.of(Map.of("KAFKA_LINGER_MS", "20", "KAFKA_COMPRESSION_TYPE", "zstd", "OTHER", "x"));

        assertThat(env.kafkaOverrides())
                .containsEntry("linger.ms", "20")
                .containsEntry("compression.type", "zstd")
                .hasSize(2);
    }

    @Test
    void shouldBuildPlatformConfigWithDefaultsAndOverrides() {
        PlatformConfig config = PlatformConfig.fromEnv(Env.of(Map.of(
                "REFINERY_TOPIC_PREFIX", "staging.",
                "REFINERY_TOPIC_DLQ", "shared.dlq",
                "REFINERY_S3_ENDPOINT", "http://127.0.0.1:9000")));

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.topics().pairsRaw()).isEqualTo("staging.pairs.raw");
        assertThat(config.topics().dlq()).isEqualTo("shared.dlq");
        assertThat(config.s3().pathStyle()).isTrue();
        assertThat(config.s3().bucket()).isEqualTo("refinery");
    }

    @Test
    void shouldRejectInvalidValuesWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> PlatformConfig.fromEnv(Env.of(Map.of("REFINERY_S3_BUCKET", "Bad_Bucket"))))
                .hasMessageContaining("REFINERY_S3_BUCKET");
        assertThatThrownBy(() -> PlatformConfig.fromEnv(Env.of(Map.of("REFINERY_TOPIC_PREFIX", "bad prefix "))))
                .hasMessageContaining("bad prefix");
        assertThatThrownBy(() -> Env.of(Map.of("X", "ten")).integer("X", 1)).hasMessageContaining("X must be");
    }
}
