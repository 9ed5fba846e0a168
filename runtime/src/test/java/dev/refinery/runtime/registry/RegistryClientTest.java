package dev.refinery.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.schemas.RawPair;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryClientTest {

    @Test
    void shouldRetryWithBackoffThenFailClearlyWhenTheRegistryIsDown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        var client = new SchemaRegistryClient(RegistryClientConfig.fromMap(Map.of(
                RegistryClientConfig.URL, "http://127.0.0.1:" + port,
                RegistryClientConfig.MAX_ATTEMPTS, "3",
                RegistryClientConfig.BACKOFF_MS, "20",
                RegistryClientConfig.MAX_BACKOFF_MS, "40")));

        assertThatThrownBy(() -> client.register("t-value", RawPair.getClassSchema()))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("Schema registry unavailable at [http://127.0.0.1:" + port + "]")
                .hasMessageContaining("after 3 attempts")
                .hasCauseInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void shouldValidateItsSettings() {
        assertThatThrownBy(() -> RegistryClientConfig.fromMap(Map.of()))
                .hasMessageContaining("Missing required config schema.registry.url");
        assertThatThrownBy(() -> RegistryClientConfig.of("ftp://x")).hasMessageContaining("must be http(s) URLs");
        assertThatThrownBy(() -> RegistryClientConfig.fromMap(
                        Map.of(RegistryClientConfig.URL, "http://x", RegistryClientConfig.MAX_ATTEMPTS, "0")))
                .hasMessageContaining("must be >= 1");
        assertThat(RegistryClientConfig.of("http://a:1/apis/ccompat/v7/, http://b:2")
                        .urls())
                .extracting(Object::toString)
                .containsExactly("http://a:1/apis/ccompat/v7", "http://b:2");
    }
}
