package dev.refinery.scorer.image;

import java.io.ByteArrayOutputStream;

/**
 * JPEGs written from chosen quantised coefficients, for the scan scripts the JDK's writer cannot produce (it only
 * writes libjpeg's {@code jpeg_simple_progression}): the same coefficients as a baseline file (SOF0, one interleaved
 * scan) or as a progressive one (SOF2) with any script of DC first, DC refinement and AC first scans at {@code Al = 0}
 * (no AC refinement), DC scans interleaved or one component at a time, AC scans with end-of-band runs. One
 * quantisation table of 4s, one DC table (categories 0-11, 4-bit codes) and one AC table (runs 0-15 with
 * sizes 0-4, 7-bit codes; TwelveMonkeys' reader takes at most 200 symbols), no restart intervals.
 */
final class CoefficientJpegs {
    private final int width;
    private final int height;
    private final int[][] sampling;
    private final int hMax;
    private final int vMax;
    private final int mcusX;
    private final int mcusY;
    /** Per component, 64 quantised coefficients per block in zigzag order, over the MCU-aligned block grid. */
    private final int[][] coef;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long acc;
    private int bits;
    private int eobrun;

    /** Smoothly varying coefficients with runs of empty blocks and sparse high frequencies; {h, v} per component. */
    CoefficientJpegs(int width, int height, int[][] sampling) {
        this.width = width;
        this.height = height;
        this.sampling = sampling;
        int h = 1;
        int v = 1;
        for (int[] s : sampling) {
            h = Math.max(h, s[0]);
            v = Math.max(v, s[1]);
        }
        hMax = h;
        vMax = v;
        mcusX = (width + 8 * hMax - 1) / (8 * hMax);
        mcusY = (height + 8 * vMax - 1) / (8 * vMax);
        coef = new int[sampling.length][];
        for (int c = 0; c < sampling.length; c++) {
            int bw = mcusX * sampling[c][0];
            int bh = mcusY * sampling[c][1];
            coef[c] = new int[bw * bh * 64];
            for (int by = 0, at = 0; by < bh; by++) {
                for (int bx = 0; bx < bw; bx++, at += 64) {
                    coef[c][at] = (int) (120 * Math.sin(bx / 3.0 + c) * Math.cos(by / 4.0)) - 7;
                    if ((bx / 3 + by / 2) % 4 == 0) {
                        continue; // all AC zero: end-of-band runs
                    }
                    coef[c][at + 1] = bx % 5 - 2;
                    coef[c][at + 2] = by % 7 - 3;
                    coef[c][at + 4] = (bx + 2 * by) % 9 == 0 ? 11 : 0;
                    coef[c][at + 40] = (bx + by) % 11 == 0 ? 3 : 0;
                    coef[c][at + 63] = (bx * by) % 13 == 1 ? -2 : 0;
                }
            }
        }
    }

    byte[] baseline() {
        header(0xC0);
        int[] all = new int[sampling.length];
        for (int c = 0; c < all.length; c++) {
            all[c] = c;
        }
        scan(all, 0, 63, 0, 0, true);
        return end();
    }

    /** One scan per row: {@code {Ss, Se, Ah, Al, component indexes...}}. */
    byte[] progressive(int[][] script) {
        header(0xC2);
        for (int[] s : script) {
            scan(java.util.Arrays.copyOfRange(s, 4, s.length), s[0], s[1], s[2], s[3], false);
        }
        return end();
    }

    private void header(int sof) {
        out.reset();
        word(0xFFD8);
        word(0xFFDB);
        word(67);
        out.write(0);
        for (int k = 0; k < 64; k++) {
            out.write(4);
        }
        word(0xFF00 | sof);
        word(8 + 3 * sampling.length);
        out.write(8);
        word(height);
        word(width);
        out.write(sampling.length);
        for (int c = 0; c < sampling.length; c++) {
            out.write(c + 1);
            out.write(sampling[c][0] << 4 | sampling[c][1]);
            out.write(0);
        }
        word(0xFFC4);
        word(2 + 17 + 12 + 17 + 80);
        out.write(0x00);
        for (int l = 1; l <= 16; l++) {
            out.write(l == 4 ? 12 : 0);
        }
        for (int s = 0; s < 12; s++) {
            out.write(s);
        }
        out.write(0x10);
        for (int l = 1; l <= 16; l++) {
            out.write(l == 7 ? 80 : 0);
        }
        for (int rs = 0; rs < 80; rs++) {
            out.write(rs / 5 << 4 | rs % 5);
        }
    }

    private void scan(int[] comps, int ss, int se, int ah, int al, boolean sequential) {
        word(0xFFDA);
        word(6 + 2 * comps.length);
        out.write(comps.length);
        for (int c : comps) {
            out.write(c + 1);
            out.write(0);
        }
        out.write(ss);
        out.write(se);
        out.write(ah << 4 | al);
        int[] pred = new int[comps.length];
        boolean single = comps.length == 1;
        int c0 = comps[0];
        int w = single ? ((width * sampling[c0][0] + hMax - 1) / hMax + 7) / 8 : mcusX;
        int h = single ? ((height * sampling[c0][1] + vMax - 1) / vMax + 7) / 8 : mcusY;
        for (int my = 0; my < h; my++) {
            for (int mx = 0; mx < w; mx++) {
                for (int i = 0; i < comps.length; i++) {
                    int c = comps[i];
                    int bh = single ? 1 : sampling[c][0];
                    int bv = single ? 1 : sampling[c][1];
                    for (int y = 0; y < bv; y++) {
                        for (int x = 0; x < bh; x++) {
                            int at = ((my * bv + y) * mcusX * sampling[c][0] + mx * bh + x) * 64;
                            if (ss == 0 && ah == 0) {
                                int dc = coef[c][at] >> al;
                                put(category(dc - pred[i]), 4);
                                magnitude(dc - pred[i]);
                                pred[i] = dc;
                            } else if (ss == 0) {
                                put(coef[c][at] >> al & 1, 1);
                            }
                            if (sequential || ss > 0) {
                                acBand(coef[c], at, Math.max(ss, 1), se, sequential);
                            }
                        }
                    }
                }
            }
        }
        flushEobrun();
        put(0x7F, 7); // pad with ones to a byte
        bits -= bits % 8;
        drain();
    }

    private void acBand(int[] k, int at, int ss, int se, boolean sequential) {
        int run = 0;
        for (int z = ss; z <= se; z++) {
            int v = k[at + z];
            if (v == 0) {
                run++;
                continue;
            }
            flushEobrun();
            for (; run > 15; run -= 16) {
                ac(15, 0);
            }
            ac(run, category(v));
            magnitude(v);
            run = 0;
        }
        if (run > 0) {
            if (sequential) {
                ac(0, 0);
            } else if (++eobrun == 0x7FFF) {
                flushEobrun();
            }
        }
    }

    /** The AC symbol {@code run << 4 | size}: code {@code run * 5 + size}, 7 bits. */
    private void ac(int run, int size) {
        put(run * 5 + size, 7);
    }

    private static int category(int v) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(v));
    }

    private void magnitude(int v) {
        int s = category(v);
        if (s > 0) {
            put(v < 0 ? v + (1 << s) - 1 : v, s);
        }
    }

    private void flushEobrun() {
        if (eobrun > 0) {
            int r = 31 - Integer.numberOfLeadingZeros(eobrun);
            ac(r, 0);
            if (r > 0) {
                put(eobrun, r);
            }
            eobrun = 0;
        }
    }

    private void put(int value, int n) {
        acc = acc << n | (value & ((1L << n) - 1));
        bits += n;
        drain();
    }

    private void drain() {
        while (bits >= 8) {
            int b = (int) (acc >>> (bits - 8)) & 0xFF;
            out.write(b);
            if (b == 0xFF) {
                out.write(0);
            }
            bits -= 8;
        }
    }

    private byte[] end() {
        word(0xFFD9);
        return out.toByteArray();
    }

    private void word(int v) {
        out.write(v >> 8);
        out.write(v & 0xFF);
    }
}
