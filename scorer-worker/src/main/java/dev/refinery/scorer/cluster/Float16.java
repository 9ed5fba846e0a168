package dev.refinery.scorer.cluster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Embeddings as IEEE 754 binary16 ("half"), little-endian, two bytes per value, as stored in scored-pair events.
 *
 * <p>Encoding rounds to nearest, ties to even ({@link Float#floatToFloat16}): values beyond ±65504 (the largest
 * half) round to ±infinity from 65520 on, values below 2<sup>-24</sup> (the smallest subnormal) round towards
 * zero, subnormals, signed zeros and infinities are kept, and NaN stays NaN. Decoding is exact.
 */
public final class Float16 {
    /** The largest finite half, 65504. */
    public static final float MAX_VALUE = 65504f;
    /** The smallest positive subnormal half, 2<sup>-24</sup>. */
    public static final float MIN_VALUE = 0x1.0p-24f;

    private Float16() {}

    /** Two little-endian bytes per value. */
    public static byte[] encode(float[] values) {
        byte[] out = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            short h = Float.floatToFloat16(values[i]);
            out[2 * i] = (byte) h;
            out[2 * i + 1] = (byte) (h >>> 8);
        }
        return out;
    }

    /** Decodes all of {@code bytes}. */
    public static float[] decode(byte[] bytes) {
        return decode(ByteBuffer.wrap(bytes));
    }

    /**
     * Decodes the bytes from the buffer's position to its limit, little-endian whatever the buffer's byte order; the
     * buffer's position, limit and order are left unchanged.
     *
     * @throws IllegalArgumentException for an odd number of bytes
     */
    public static float[] decode(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = b.position();
        int bytes = b.remaining();
        if (bytes % 2 != 0) {
            throw new IllegalArgumentException("float16 data must have an even number of bytes, got " + bytes);
        }
        float[] out = new float[bytes / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.float16ToFloat(b.getShort(start + 2 * i));
        }
        return out;
    }
}
