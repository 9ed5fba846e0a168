package dev.refinery.scorer.image;

/**
 * The markers of a JPEG up to its first scan: frame size and components, quantisation and Huffman tables, restart
 * interval and the colour-space hints (JFIF, Adobe transform, component ids) that libjpeg reads. Takes sequential
 * (SOF0/1) frames in a single interleaved scan, and progressive (SOF2) frames, whose later scans
 * {@link ProgressiveScans} reaches with {@link #nextScan}; all Huffman-coded, 8-bit, one or three components.
 * Anything else is {@link JpegStreamException}: ImageIO takes those.
 */
final class JpegFrame {
    /** {@code NATURAL[k]}: the row-major index of the k-th coefficient in zigzag order. */
    static final int[] NATURAL = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
        21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60,
        61, 54, 47, 55, 62, 63
    };

    int width;
    int height;
    int components;
    final int[] id = new int[3];
    final int[] h = new int[3];
    final int[] v = new int[3];
    final int[] quantSlot = new int[3];
    final int[] dcSlot = new int[3];
    final int[] acSlot = new int[3];
    final int[][] quant = new int[4][];
    final HuffmanTable[] dc = new HuffmanTable[4];
    final HuffmanTable[] ac = new HuffmanTable[4];
    int restartInterval;
    /** SOF2: the scan headers are {@link ProgressiveScans}' to read and check. */
    boolean progressive;
    /** Progressive frames: offset of the current SOS segment's body (its component count). */
    int scanHeader;

    boolean jfif;
    int adobeTransform = -1;
    /** Offset of the first entropy-coded byte of the current scan, once {@link #parse} or {@link #nextScan} returns. */
    int scanStart;

    private final byte[] b;
    private int pos;

    private JpegFrame(byte[] bytes) {
        this.b = bytes;
    }

    /** Reads the markers of {@code bytes} up to and including the first SOS. */
    static JpegFrame parse(byte[] bytes) throws JpegStreamException {
        JpegFrame f = new JpegFrame(bytes);
        f.readMarkers();
        return f;
    }

    /**
     * Progressive frames: reads the segments (tables, restart interval) from {@code from}, where a scan's data ended,
     * through the next SOS. False at EOI or where the data ends, even inside a segment (a truncated file).
     */
    boolean nextScan(int from) throws JpegStreamException {
        pos = from;
        return readSegments(true);
    }

    int hMax() {
        return Math.max(h[0], components == 3 ? Math.max(h[1], h[2]) : 0);
    }

    int vMax() {
        return Math.max(v[0], components == 3 ? Math.max(v[1], v[2]) : 0);
    }

    /** RGB stored as such rather than YCbCr, by libjpeg's rules (jdapimin.c default_decompress_parms). */
    boolean storedRgb() {
        if (components != 3 || jfif) {
            return false;
        }
        if (adobeTransform >= 0) {
            return adobeTransform == 0;
        }
        return id[0] == 'R' && id[1] == 'G' && id[2] == 'B';
    }

    private void readMarkers() throws JpegStreamException {
        if (u8(0) != 0xFF || u8(1) != 0xD8) {
            throw new JpegStreamException("no SOI");
        }
        pos = 2;
        readSegments(false);
    }

    /** Reads segments from {@code pos} through the next SOS; {@code more}: after a scan (see {@link #nextScan}). */
    private boolean readSegments(boolean more) throws JpegStreamException {
        boolean sawFrame = more;
        while (true) {
            while (pos < b.length && (b[pos] & 0xFF) != 0xFF) {
                pos++; // garbage between segments, as libjpeg tolerates
            }
            while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (more && pos + 2 >= b.length) {
                return false;
            }
            int marker = u8(pos++);
            if (marker == 0xD9) {
                if (more) {
                    return false;
                }
                throw new JpegStreamException("EOI before any scan");
            }
            if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // 0xFF00 is stuffed scan data, as libjpeg's next_marker skips it
            }
            int length = u16(pos);
            int end = pos + length;
            if (more && end > b.length) {
                return false;
            }
            if (length < 2 || end > b.length) {
                throw new JpegStreamException("segment 0x" + Integer.toHexString(marker) + " runs past the data");
            }
            int body = pos + 2;
            switch (marker) {
                case 0xC0, 0xC1, 0xC2 -> {
                    if (sawFrame) {
                        throw new JpegStreamException("a second frame header"); // libjpeg's JERR_SOF_DUPLICATE
                    }
                    frame(body, length);
                    progressive = marker == 0xC2;
                    sawFrame = true;
                }
                case 0xC4 -> huffman(body, end);
                case 0xDB -> quantisation(body, end);
                case 0xDD -> {
                    if (length != 4) {
                        throw new JpegStreamException("DRI segment of length " + length);
                    }
                    restartInterval = u16(body);
                }
                case 0xE0 -> jfif |= length >= 7 && u8(body) == 'J' && u8(body + 1) == 'F' && u8(body + 2) == 'I';
                case 0xEE -> adobe(body, length);
                case 0xDA -> {
                    if (!sawFrame) {
                        throw new JpegStreamException("SOS before SOF");
                    }
                    if (!more) {
                        checkColourSpace();
                    }
                    if (progressive) {
                        scanHeader = body;
                    } else {
                        scan(body);
                    }
                    scanStart = end;
                    return true;
                }
                default -> {
                    if (marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                        throw new JpegStreamException("SOF" + (marker - 0xC0)
                                + " (neither sequential nor progressive Huffman) goes to ImageIO");
                    }
                }
            }
            pos = end;
        }
    }

    private void frame(int at, int length) throws JpegStreamException {
        if (u8(at) != 8) {
            throw new JpegStreamException(u8(at) + "-bit samples go to ImageIO");
        }
        height = u16(at + 1);
        width = u16(at + 3);
        components = u8(at + 5);
        if (width < 1 || height < 1 || (components != 1 && components != 3)) {
            throw new JpegStreamException(width + "x" + height + " with " + components + " components goes to ImageIO");
        }
        if (length != 8 + 3 * components) {
            throw new JpegStreamException("SOF segment of length " + length + " for " + components + " components");
        }
        for (int c = 0; c < components; c++) {
            int p = at + 6 + 3 * c;
            id[c] = u8(p);
            h[c] = u8(p + 1) >> 4;
            v[c] = u8(p + 1) & 15;
            quantSlot[c] = u8(p + 2) & 3;
            if (h[c] < 1 || h[c] > 4 || v[c] < 1 || v[c] > 4) {
                throw new JpegStreamException("sampling factors " + h[c] + "x" + v[c]);
            }
        }
    }

    /**
     * Refuses the 3-component frames whose colour space ImageIO (TwelveMonkeys over the JDK's libjpeg) reads
     * differently from libjpeg's rules in {@link #storedRgb}: a JFIF marker with an Adobe transform of 0, an Adobe
     * transform other than 0 or 1 without JFIF, and Kodak PhotoYCC component ids ('Y', 'C', 'c') without either
     * marker. Decoding those at a reduced scale would give other colours than the full-size fallback.
     */
    private void checkColourSpace() throws JpegStreamException {
        if (components != 3) {
            return;
        }
        boolean photoYcc = id[0] == 'Y' && id[1] == 'C' && id[2] == 'c';
        boolean ambiguous = jfif ? adobeTransform == 0 : adobeTransform > 1 || (adobeTransform < 0 && photoYcc);
        if (ambiguous) {
            throw new JpegStreamException("colour space ImageIO reads differently (JFIF " + jfif + ", Adobe transform "
                    + adobeTransform + ", ids " + id[0] + " " + id[1] + " " + id[2] + ")");
        }
    }

    private void scan(int at) throws JpegStreamException {
        int n = u8(at);
        if (n != components) {
            throw new JpegStreamException("non-interleaved scans go to ImageIO");
        }
        for (int i = 0; i < n; i++) {
            int sel = u8(at + 1 + 2 * i);
            int c = 0;
            while (c < components && id[c] != sel) {
                c++;
            }
            if (c != i) {
                throw new JpegStreamException("scan components out of frame order");
            }
            dcSlot[c] = u8(at + 2 + 2 * i) >> 4 & 3;
            acSlot[c] = u8(at + 2 + 2 * i) & 3;
            if (dc[dcSlot[c]] == null || ac[acSlot[c]] == null || quant[quantSlot[c]] == null) {
                throw new JpegStreamException("scan uses an undefined table");
            }
        }
        int p = at + 1 + 2 * n;
        if (u8(p) != 0 || u8(p + 1) != 63 || u8(p + 2) != 0) {
            throw new JpegStreamException("spectral selection or approximation in a sequential scan");
        }
    }

    private void huffman(int at, int end) throws JpegStreamException {
        while (at < end) {
            int tc = u8(at) >> 4;
            int th = u8(at) & 15;
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8(at + 1 + i);
                total += counts[i];
            }
            if (tc > 1 || th > 3 || total > 256 || at + 17 + total > end) {
                throw new JpegStreamException("bad DHT segment");
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = u8(at + 17 + i);
            }
            (tc == 0 ? dc : ac)[th] = new HuffmanTable(counts, values);
            at += 17 + total;
        }
    }

    private void quantisation(int at, int end) throws JpegStreamException {
        while (at < end) {
            int precision = u8(at) >> 4;
            int slot = u8(at) & 15;
            if (slot > 3 || precision > 1 || at + 1 + 64 * (precision + 1) > end) {
                throw new JpegStreamException("bad DQT segment");
            }
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[NATURAL[k]] = precision == 0 ? u8(at + 1 + k) : u16(at + 1 + 2 * k);
            }
            quant[slot] = q;
            at += 1 + 64 * (precision + 1);
        }
    }

    private void adobe(int at, int length) throws JpegStreamException {
        if (length >= 14 && u8(at) == 'A' && u8(at + 1) == 'd' && u8(at + 2) == 'o' && u8(at + 3) == 'b') {
            adobeTransform = u8(at + 11);
        }
    }

    private int u8(int at) throws JpegStreamException {
        if (at >= b.length) {
            throw new JpegStreamException("markers run past the end of the data");
        }
        return b[at] & 0xFF;
    }

    private int u16(int at) throws JpegStreamException {
        return u8(at) << 8 | u8(at + 1);
    }
}
