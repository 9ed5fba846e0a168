package dev.refinery.scorer.image;

/**
 * The entropy-coded bits of a JPEG scan, MSB first, with 0xFF00 byte stuffing removed, and the Huffman decoding of
 * whole blocks on them (the bit buffer lives in locals while a block decodes, which is what makes this fast). At a
 * marker (or the end of the bytes) it feeds zero bytes, as libjpeg does, and remembers how many, so the decoder can
 * tell a segment that ended early ({@link #overran()}) from one that merely prefetched past its end. Progressive
 * scans read it symbol by symbol ({@link #decode}, {@link #bits}) instead.
 */
final class JpegBitReader {
    /**
     * Twice the largest dequantised DC coefficient an 8-bit block can have (8 times its mean sample, level-shifted,
     * is at most 1024 in magnitude), plus rounding to one quantisation step. A DC beyond it only comes from corrupt
     * data whose predictions drifted; libjpeg's IDCT wraps such samples around (its range limit masks them to 10
     * bits) where this decoder would clip them, so the full-size fallback's garbage and ours would differ wholesale:
     * {@link JpegStreamException} leaves the file to ImageIO instead.
     */
    static final int MAX_DC = 2048;

    /**
     * The most bits an 8-bit frame's quantised AC coefficient has (ITU T.81 table F.2; libjpeg's encoder stops at
     * {@code MAX_COEF_BITS}). Larger ones only come from corrupt data and, like a wild DC, would be wrapped by
     * libjpeg's IDCT but clipped here.
     */
    static final int MAX_AC_BITS = 10;

    private final byte[] data;
    private int pos;
    private long buffer;
    private int count;
    private int padBytes;
    private boolean atMarker;

    JpegBitReader(byte[] data, int pos) {
        this.data = data;
        this.pos = pos;
    }

    /**
     * Decodes one block: the DC difference (added to {@code pred[c]}) and the AC coefficients. Writes the dequantised
     * coefficients that {@code keep} maps (zigzag index to row-major index, or -1) into {@code coef}, whose kept
     * entries must be zero on entry; returns the masks of the non-zero rows (bits 0-7) and columns (bits 8-15).
     */
    int block(HuffmanTable dc, HuffmanTable ac, int[] q, int[] keep, int[] coef, int[] pred, int c)
            throws JpegStreamException {
        long buf = buffer;
        int cnt = count;
        while (cnt <= 56) {
            buf |= (long) nextByte() << (56 - cnt);
            cnt += 8;
        }
        int e = dc.lookup((int) (buf >>> 48));
        buf <<= e >>> 8;
        cnt -= e >>> 8;
        int t = e & 0xFF;
        if (t > 11) {
            throw new JpegStreamException("DC difference of " + t + " bits");
        }
        if (t > 0) {
            pred[c] += extend((int) (buf >>> (64 - t)), t);
            buf <<= t;
            cnt -= t;
        }
        int dcValue = pred[c] * q[0];
        if (dcValue > MAX_DC + q[0] || dcValue < -MAX_DC - q[0]) {
            throw new JpegStreamException("DC coefficient " + dcValue + " far outside the sample range");
        }
        coef[0] = dcValue;
        int mask = 0x101;
        for (int k = 1; k < 64; ) {
            if (cnt < 32) {
                while (cnt <= 56) {
                    buf |= (long) nextByte() << (56 - cnt);
                    cnt += 8;
                }
            }
            int rs = ac.lookup((int) (buf >>> 48));
            buf <<= rs >>> 8;
            cnt -= rs >>> 8;
            int size = rs & 15;
            int run = (rs >> 4) & 15;
            if (size == 0) {
                if (run != 15) {
                    break;
                }
                k += 16;
                continue;
            }
            k += run;
            if (k > 63) {
                throw new JpegStreamException("AC coefficients run past the block");
            }
            if (size > MAX_AC_BITS) {
                throw new JpegStreamException("AC coefficient of " + size + " bits");
            }
            int value = extend((int) (buf >>> (64 - size)), size);
            buf <<= size;
            cnt -= size;
            int nat = keep[k++];
            if (nat >= 0) {
                coef[nat] = value * q[nat];
                mask |= 1 << (nat >> 3) | 0x100 << (nat & 7);
            }
        }
        buffer = buf;
        count = cnt;
        return mask;
    }

    /** The next Huffman symbol of {@code table}. */
    int decode(HuffmanTable table) throws JpegStreamException {
        if (count < 16) {
            fill();
        }
        int e = table.lookup((int) (buffer >>> 48));
        buffer <<= e >>> 8;
        count -= e >>> 8;
        return e & 0xFF;
    }

    /** The next {@code n} bits (1 to 16) as an unsigned number. */
    int bits(int n) {
        if (count < n) {
            fill();
        }
        int v = (int) (buffer >>> (64 - n));
        buffer <<= n;
        count -= n;
        return v;
    }

    /** The next {@code n} bits (1 to 16) as a signed magnitude ({@code EXTEND}, ITU T.81 F.2.2.1). */
    int signed(int n) {
        return extend(bits(n), n);
    }

    private void fill() {
        while (count <= 56) {
            buffer |= (long) nextByte() << (56 - count);
            count += 8;
        }
    }

    /** Where reading stopped: at the marker that ends the segment, if the bits reached it. */
    int position() {
        return pos;
    }

    /** Whether the data ends where reading stopped: at EOI or the end of the bytes, rather than at another marker. */
    boolean atEnd() {
        int p = pos;
        while (p < data.length && (data[p] & 0xFF) == 0xFF) {
            p++;
        }
        return p >= data.length || (p > pos && (data[p] & 0xFF) == 0xD9);
    }

    /** The next entropy-coded byte, unstuffed; 0 (counted) at a marker or past the end. */
    private int nextByte() {
        if (atMarker || pos >= data.length) {
            padBytes++;
            return 0;
        }
        int b = data[pos] & 0xFF;
        if (b != 0xFF) {
            pos++;
            return b;
        }
        if (pos + 1 < data.length && data[pos + 1] == 0) {
            pos += 2;
            return 0xFF;
        }
        atMarker = true;
        padBytes++;
        return 0;
    }

    private static int extend(int v, int bits) {
        return v >= 1 << (bits - 1) ? v : v - (1 << bits) + 1;
    }

    /** Whether bits past the end of the segment were decoded: the data is truncated or corrupt. */
    boolean overran() {
        return padBytes * 8 > count;
    }

    /**
     * Consumes the restart marker {@code RSTn} that must follow the current interval and starts the next one with an
     * empty buffer.
     */
    void restart(int n) throws JpegStreamException {
        if (overran()) {
            throw new JpegStreamException("restart interval ended early");
        }
        while (pos + 1 < data.length && (data[pos] & 0xFF) == 0xFF && (data[pos + 1] & 0xFF) == 0xFF) {
            pos++;
        }
        if (pos + 1 >= data.length || (data[pos] & 0xFF) != 0xFF || (data[pos + 1] & 0xFF) != 0xD0 + (n & 7)) {
            throw new JpegStreamException("expected RST" + (n & 7) + " at byte " + pos);
        }
        pos += 2;
        buffer = 0;
        count = 0;
        padBytes = 0;
        atMarker = false;
    }
}
