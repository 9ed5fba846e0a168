package dev.refinery.scorer.image;

/**
 * Decodes a progressive (SOF2) JPEG into {@link ScaledPlanes} (ITU T.81 Annex G, with libjpeg's checks). A block's
 * coefficients arrive over several scans (spectral bands, then successive approximation bits), and refinement scans
 * are parsed against what earlier scans left non-zero, so every component keeps all 64 quantised coefficients of
 * every block of its MCU-aligned block grid: one {@code short[]} per component, 64 per block in zigzag order, blocks
 * row by row. That is 128 bytes per 64 samples of each component, bounded by the pixel limit the caller checks
 * first, as libjpeg's own whole-image coefficient buffer is. Scans may come in any order, DHT, DQT and DRI segments
 * may sit between them; DC scans may interleave components (blocks by MCU, as in a sequential frame), AC scans cover
 * one component's {@code ceil(width / 8) x ceil(height / 8)} blocks of its own size. Each component's quantisation
 * table is the one in force at its first scan, as libjpeg latches it. After the last scan only the kept corner of each
 * block is dequantised and transformed.
 *
 * <p>Truncation: progressive files on the web often end early, and libjpeg then shows whatever the scans so far
 * gave. So does this class once every component's first DC scan is complete: when the data ends (the end of the
 * bytes, or EOI) inside a scan or between scans, the block in which it ran out keeps what it decoded with zero bits
 * (as libjpeg pads), the rest of that scan is skipped, and the coefficients so far are rendered, low AC coefficients
 * still missing or coarse estimated as libjpeg does ({@link BlockSmoothing}). Data that ends before that, a scan that
 * ends early at some other marker (corrupt data, after which libjpeg would resume with the next scan), a restart
 * marker out of place, more than {@value #MAX_SCANS} scans (crafted files can make each scan cost a pass over every
 * block) and any bad header are {@link JpegStreamException}: ImageIO decodes or reports those.
 */
final class ProgressiveScans {
    /** Encoders write about 10 scans; a cap like djpeg's {@code -maxscans} bounds the work a crafted file causes. */
    static final int MAX_SCANS = 500;

    /**
     * The largest quantised AC coefficient of an 8-bit frame ({@link JpegBitReader#MAX_AC_BITS}); a larger one,
     * as a corrupt point transform makes, is refused like a wild DC (see {@link JpegBitReader#MAX_DC}).
     */
    private static final int MAX_AC = (1 << JpegBitReader.MAX_AC_BITS) - 1;

    private final JpegFrame f;
    private final byte[] data;
    private final ScaledPlanes g;
    private final short[][] coef = new short[3][];
    private final int[] blocksW = new int[3];
    private final int[][] quant = new int[3][];
    private final boolean[] dcDone = new boolean[3];
    /** Per component, zigzag 0..5: the point transform of the last scan that carried it, -1 before (libjpeg's). */
    private final int[][] coefBits = {{-1, -1, -1, -1, -1, -1}, {-1, -1, -1, -1, -1, -1}, {-1, -1, -1, -1, -1, -1}};

    private final int[] scanComp = new int[4];
    private final HuffmanTable[] tables = new HuffmanTable[3];
    private int ns;
    private int ss;
    private int se;
    private int ah;
    private int al;

    private ProgressiveScans(byte[] data, JpegFrame f, ScaledPlanes g) throws JpegStreamException {
        this.f = f;
        this.data = data;
        this.g = g;
        for (int c = 0; c < f.components; c++) {
            blocksW[c] = g.mcusX * g.bh[c];
            long size = 64L * blocksW[c] * g.mcusY * g.bv[c];
            if (size > Integer.MAX_VALUE - 64) {
                throw new JpegStreamException("too many blocks for one coefficient array");
            }
            coef[c] = new short[(int) size];
        }
    }

    /** Decodes every scan of the frame {@code f}, whose first SOS {@link JpegFrame#parse} read, into {@code g}. */
    static void decode(byte[] data, JpegFrame f, ScaledPlanes g) throws JpegStreamException {
        ProgressiveScans p = new ProgressiveScans(data, f, g);
        for (int scans = 1; p.decodeScan(); scans++) {
            if (scans == MAX_SCANS) {
                throw new JpegStreamException("more than " + MAX_SCANS + " scans");
            }
        }
        for (int c = 0; c < f.components; c++) {
            if (!p.dcDone[c]) {
                throw new JpegStreamException("data ends before the first DC scan of component " + c);
            }
        }
        p.render();
    }

    /** Decodes the current scan; whether another follows (false at EOI or where the data ends). */
    private boolean decodeScan() throws JpegStreamException {
        readHeader();
        JpegBitReader in = new JpegBitReader(data, f.scanStart);
        ProgressiveEntropy e = new ProgressiveEntropy(in);
        int c0 = scanComp[0];
        int w = ns > 1 ? g.mcusX : across(c0);
        int h = ns > 1 ? g.mcusY : down(c0);
        int interval = f.restartInterval;
        for (int m = 0, total = w * h, restarts = 0; m < total; m++) {
            if (interval > 0 && m > 0 && m % interval == 0) {
                if (in.atEnd()) {
                    return false;
                }
                in.restart(restarts++);
                e.reset();
            }
            int mx = m % w;
            int my = m / w;
            if (ns == 1) {
                block(e, c0, mx, my);
            } else {
                for (int i = 0; i < ns; i++) {
                    int c = scanComp[i];
                    for (int by = 0; by < g.bv[c]; by++) {
                        for (int bx = 0; bx < g.bh[c]; bx++) {
                            block(e, c, mx * g.bh[c] + bx, my * g.bv[c] + by);
                        }
                    }
                }
            }
            if (in.overran()) {
                if (in.atEnd()) {
                    return false;
                }
                throw new JpegStreamException("scan data ends early at a marker");
            }
        }
        for (int i = 0; i < ns && ss == 0 && ah == 0; i++) {
            dcDone[scanComp[i]] = true;
        }
        return f.nextScan(in.position());
    }

    /** The blocks a component's own size covers across: those a non-interleaved scan codes. */
    private int across(int c) {
        return ((f.width * g.bh[c] + g.hMax - 1) / g.hMax + 7) / 8;
    }

    private int down(int c) {
        return ((f.height * g.bv[c] + g.vMax - 1) / g.vMax + 7) / 8;
    }

    private void block(ProgressiveEntropy e, int c, int bx, int by) throws JpegStreamException {
        short[] k = coef[c];
        int at = (by * blocksW[c] + bx) * 64;
        if (ss == 0) {
            if (ah == 0) {
                e.dcFirst(tables[c], k, at, c, al);
            } else {
                e.dcRefine(k, at, al);
            }
        } else if (ah == 0) {
            e.acFirst(tables[c], k, at, ss, se, al);
        } else {
            e.acRefine(tables[c], k, at, ss, se, al);
        }
    }

    /** Reads and checks the SOS segment at {@link JpegFrame#scanHeader}, as libjpeg's get_sos and jdphuff do. */
    private void readHeader() throws JpegStreamException {
        int at = f.scanHeader;
        ns = f.scanStart - at < 6 ? 0 : data[at] & 0xFF;
        if (ns < 1 || ns > f.components || f.scanStart - at != 4 + 2 * ns) {
            throw new JpegStreamException("bad SOS segment");
        }
        int p = at + 1 + 2 * ns;
        ss = data[p] & 0xFF;
        se = data[p + 1] & 0xFF;
        ah = (data[p + 2] & 0xFF) >> 4;
        al = data[p + 2] & 15;
        boolean bad = ss == 0 ? se != 0 : ss > se || se > 63 || ns != 1;
        if (bad || (ah != 0 && al != ah - 1) || al > 13) {
            throw new JpegStreamException("bad progression: Ss " + ss + " Se " + se + " Ah " + ah + " Al " + al);
        }
        int blocks = 0;
        for (int i = 0; i < ns; i++) {
            int sel = data[at + 1 + 2 * i] & 0xFF;
            int c = 0;
            while (c < f.components && f.id[c] != sel) {
                c++;
            }
            for (int j = 0; j < i; j++) {
                if (scanComp[j] == c) {
                    c = f.components;
                }
            }
            if (c == f.components) {
                throw new JpegStreamException("scan names an unknown or repeated component");
            }
            scanComp[i] = c;
            blocks += g.bh[c] * g.bv[c];
            int slot = ss == 0 ? data[at + 2 + 2 * i] >> 4 & 3 : data[at + 2 + 2 * i] & 3;
            tables[c] = ss == 0 ? f.dc[slot] : f.ac[slot];
            if (quant[c] == null) {
                quant[c] = f.quant[f.quantSlot[c]];
            }
            if (quant[c] == null || (tables[c] == null && !(ss == 0 && ah != 0))) {
                throw new JpegStreamException("scan uses an undefined table");
            }
            for (int k = ss; k <= Math.min(se, 5); k++) {
                coefBits[c][k] = al;
            }
        }
        if (blocks > 10) {
            throw new JpegStreamException("more than 10 blocks per MCU");
        }
    }

    /** Smooths what a truncated file left coarse, dequantises each block's kept corner and transforms it. */
    private void render() throws JpegStreamException {
        int[] block = new int[64];
        for (int c = 0; c < f.components; c++) {
            int[] keep = g.keep[c];
            int[] q = quant[c];
            short[] k = coef[c];
            BlockSmoothing.apply(k, blocksW[c], across(c), down(c), q, coefBits[c]);
            int last = 63;
            while (keep[last] < 0) {
                last--;
            }
            int rows = k.length / 64 / blocksW[c];
            for (int by = 0, at = 0; by < rows; by++) {
                for (int bx = 0; bx < blocksW[c]; bx++, at += 64) {
                    block[0] = k[at] * q[0];
                    if (Math.abs(block[0]) > JpegBitReader.MAX_DC + q[0]) {
                        throw new JpegStreamException("DC coefficient " + block[0] + " far outside the sample range");
                    }
                    for (int z = 1; z < 64; z++) {
                        if (k[at + z] > MAX_AC || k[at + z] < -MAX_AC) {
                            throw new JpegStreamException("AC coefficient " + k[at + z] + " out of range");
                        }
                    }
                    int mask = 0x101;
                    for (int z = 1; z <= last; z++) {
                        int nat = keep[z];
                        if (nat >= 0 && k[at + z] != 0) {
                            block[nat] = k[at + z] * q[nat];
                            mask |= 1 << (nat >> 3) | 0x100 << (nat & 7);
                        }
                    }
                    g.put(c, bx, by, block, mask);
                }
            }
        }
    }
}
