package dev.refinery.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.schemas.RawPair;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void shouldReadTheSchemaIdAfterMagicByteZero() {
        byte[] bytes = new byte[7];
        WireFormat.writeHeader(bytes, 0x01020304);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);

        assertThat(WireFormat.readSchemaId(buffer, "t")).isEqualTo(0x01020304);
        assertThat(buffer.position()).isEqualTo(WireFormat.HEADER_SIZE);
        assertThat(bytes[0]).isZero();
    }

    @Test
    void shouldRejectAnUnknownMagicByteWithAClearMessage() {
        byte[] json = "{\"pair_id\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WireFormat.readSchemaId(ByteBuffer.wrap(json), "refinery.pairs.raw"))
                .isInstanceOf(UnknownMagicByteException.class)
                .hasMessageContaining("Unknown magic byte 0x7b")
                .hasMessageContaining("refinery.pairs.raw");
    }

    @Test
    void shouldRejectRecordsTooShortForTheHeader() {
        assertThatThrownBy(() -> WireFormat.readSchemaId(ByteBuffer.wrap(new byte[] {0, 0, 1}), "t"))
                .isInstanceOf(UnknownMagicByteException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void shouldFailDeserializationOfForeignBytesBeforeCallingTheRegistry() {
        // Nothing listens on this URL: the magic byte check must fail first, without a registry call.
        var client = new SchemaRegistryClient(RegistryClientConfig.of("http://127.0.0.1:9"));
        var deserializer = new SpecificAvroDeserializer<RawPair>(client, RawPair.class);
        deserializer.configure(Map.of(RegistryClientConfig.URL, "http://127.0.0.1:9"), false);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(UnknownMagicByteException.class);
    }
}
