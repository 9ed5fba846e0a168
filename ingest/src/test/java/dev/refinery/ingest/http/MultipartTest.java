package dev.refinery.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartTest {

    @Test
    void shouldSplitPartsWithBinaryBodiesThatContainCrLf() {
        byte[] image = {(byte) 0xFF, (byte) 0xD8, '\r', '\n', '-', '-', 0, 1, (byte) 0xFF, (byte) 0xD9};
        byte[] body = MultipartBodies.body(
                "XyZ",
                MultipartBodies.part("caption", null, "a red circle".getBytes(StandardCharsets.UTF_8)),
                MultipartBodies.part("image", "cat.jpg", image));

        var parts = Multipart.parse(body, Multipart.boundary("multipart/form-data; boundary=XyZ"));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("caption");
        assertThat(new String(parts.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("a red circle");
        assertThat(parts.get(1).filename()).isEqualTo("cat.jpg");
        assertThat(parts.get(1).body()).isEqualTo(image);
    }

    @Test
    void shouldReadQuotedBoundariesAndRefuseBodiesWithoutTheClosingOne() {
        assertThat(Multipart.boundary("multipart/form-data; boundary=\"a b\"; charset=utf-8"))
                .isEqualTo("a b");
        byte[] truncated =
                "--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nabc".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Multipart.parse(truncated, "B")).hasMessageContaining("closing boundary");
        assertThatThrownBy(() -> Multipart.boundary("multipart/form-data")).hasMessageContaining("boundary");
    }
}
