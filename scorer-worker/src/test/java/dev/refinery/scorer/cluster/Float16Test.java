package dev.refinery.scorer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Float16Test {

    /** Exact binary16 encodings, including round-to-nearest-even at the ties. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "1.0, 0x3C00",
        "-2.0, 0xC000",
        "0.5, 0x3800",
        "0.0, 0x0000",
        "-0.0, 0x8000",
        "65504.0, 0x7BFF",
        "-65504.0, 0xFBFF",
        "65519.0, 0x7BFF",
        "65520.0, 0x7C00",
        "Infinity, 0x7C00",
        "-Infinity, 0xFC00",
        "0x1.0p-14, 0x0400",
        "0x1.0p-24, 0x0001",
        "0x1.8p-24, 0x0002",
        "0x1.0p-25, 0x0000",
        "0x1.000002p-25, 0x0001",
        "0x1.002p0, 0x3C00",
        "0x1.006p0, 0x3C02",
        "0x1.00201p0, 0x3C01",
        "0.333251953125, 0x3555",
        "1.0E-10, 0x0000"
    })
    void shouldEncodeKnownValues(float value, String hex) {
        int bits = Integer.decode(hex);

        byte[] bytes = Float16.encode(new float[] {value});

        assertThat(bytes).containsExactly((byte) bits, (byte) (bits >>> 8));
    }

    @Test
    void shouldKeepNaNAsNaN() {
        byte[] bytes = Float16.encode(new float[] {Float.NaN});
        int bits = (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8;

        assertThat(bits & 0x7C00).isEqualTo(0x7C00);
        assertThat(bits & 0x03FF).isNotZero();
        assertThat(Float16.decode(bytes)[0]).isNaN();
    }

    @Test
    void shouldRoundTripEveryHalfExactly() {
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            byte[] bytes = {(byte) bits, (byte) (bits >>> 8)};
            float value = Float16.decode(bytes)[0];
            if (Float.isNaN(value)) {
                continue;
            }
            assertThat(Float16.encode(new float[] {value}))
                    .as("half 0x%04X", bits)
                    .isEqualTo(bytes);
        }
    }

    @Test
    void shouldRoundToTheNearestHalf() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            float x = (float) ((random.nextDouble() * 2 - 1) * Math.scalb(1.0, random.nextInt(-26, 16)));
            float h = Float16.decode(Float16.encode(new float[] {x}))[0];
            short bits = Float.floatToFloat16(h);
            float up = Float.float16ToFloat((short) (bits + 1));
            float down = Float.float16ToFloat((short) (bits - 1));
            double error = Math.abs((double) h - x);
            if (Float.isFinite(up)) {
                assertThat(error).as("%s -> %s", x, h).isLessThanOrEqualTo(Math.abs((double) up - x));
            }
            if (Float.isFinite(down) && bits != 0 && bits != (short) 0x8000) {
                assertThat(error).as("%s -> %s", x, h).isLessThanOrEqualTo(Math.abs((double) down - x));
            }
        }
    }

    @Test
    void shouldDecodeFromTheBufferPositionLittleEndianWithoutMovingIt() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(7).order(ByteOrder.BIG_ENDIAN);
        buffer.put((byte) 0x55)
                .put(Float16.encode(new float[] {1.0f, -2.0f, 65504f}))
                .flip()
                .position(1);

        float[] decoded = Float16.decode(buffer.asReadOnlyBuffer());

        assertThat(decoded).containsExactly(1.0f, -2.0f, 65504f);
        assertThat(Float16.decode(buffer)).containsExactly(1.0f, -2.0f, 65504f);
        assertThat(buffer.position()).isEqualTo(1);
        assertThat(buffer.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }

    @Test
    void shouldHandleEmptyAndRejectOddLengths() {
        assertThat(Float16.encode(new float[0])).isEmpty();
        assertThat(Float16.decode(new byte[0])).isEmpty();
        assertThatThrownBy(() -> Float16.decode(new byte[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3");
    }

    @Test
    void shouldExposeTheLimits() {
        assertThat(Float16.decode(Float16.encode(new float[] {Float16.MAX_VALUE, Float16.MIN_VALUE})))
                .containsExactly(65504f, 0x1.0p-24f);
    }
}
