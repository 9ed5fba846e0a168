package dev.refinery.scorer.image;

import java.util.Arrays;

/**
 * The Huffman decoding of one block in each of the four kinds of progressive scan (ITU T.81 G.1.2), as libjpeg's
 * {@code jdphuff.c} ({@code decode_mcu_DC_first}, {@code decode_mcu_AC_first}, {@code decode_mcu_DC_refine},
 * {@code decode_mcu_AC_refine}) does it, on a block of 64 quantised coefficients in zigzag order at {@code at} of a
 * {@code short[]}. The scan's state (DC predictions, the pending end-of-band run) lives here; {@link #reset} clears it
 * at a scan's start and at each restart marker. Corrupt data ends in {@link JpegStreamException} or in wrong but
 * bounded coefficients (shorts wrap as libjpeg's {@code JCOEF} does); every loop advances through the block.
 */
final class ProgressiveEntropy {
    private final JpegBitReader in;
    private final int[] pred = new int[3];
    private int eobrun;

    ProgressiveEntropy(JpegBitReader in) {
        this.in = in;
    }

    void reset() {
        Arrays.fill(pred, 0);
        eobrun = 0;
    }

    /** First DC scan: the DC difference, added to component {@code c}'s prediction, scaled up by {@code al} bits. */
    void dcFirst(HuffmanTable dc, short[] coef, int at, int c, int al) throws JpegStreamException {
        int s = in.decode(dc);
        if (s > 11) {
            throw new JpegStreamException("DC difference of " + s + " bits");
        }
        if (s > 0) {
            pred[c] += in.signed(s);
        }
        coef[at] = (short) (pred[c] << al);
    }

    /** DC refinement: one more bit of the DC coefficient. */
    void dcRefine(short[] coef, int at, int al) {
        if (in.bits(1) != 0) {
            coef[at] |= (short) (1 << al);
        }
    }

    /** First AC scan of the band {@code ss..se}: run-length coded coefficients, or one block of an EOB run. */
    void acFirst(HuffmanTable ac, short[] coef, int at, int ss, int se, int al) throws JpegStreamException {
        if (eobrun > 0) {
            eobrun--;
            return;
        }
        for (int k = ss; k <= se; k++) {
            int rs = in.decode(ac);
            int r = rs >> 4;
            int s = rs & 15;
            if (s != 0) {
                k += r;
                if (k > 63) {
                    throw new JpegStreamException("AC coefficients run past the block");
                }
                coef[at + k] = (short) (in.signed(s) << al);
            } else if (r == 15) {
                k += 15;
            } else {
                eobrun = (1 << r) - 1; // this block ends the run's first
                if (r > 0) {
                    eobrun += in.bits(r);
                }
                return;
            }
        }
    }

    /**
     * AC refinement of the band {@code ss..se}: a correction bit for every coefficient already non-zero, and the
     * coefficients that become non-zero (+-1 at this bit), placed by counting only the zero ones they skip.
     */
    void acRefine(HuffmanTable ac, short[] coef, int at, int ss, int se, int al) throws JpegStreamException {
        int p1 = 1 << al;
        int m1 = -1 << al;
        int k = ss;
        if (eobrun == 0) {
            for (; k <= se; k++) {
                int rs = in.decode(ac);
                int r = rs >> 4;
                int value = 0;
                if ((rs & 15) != 0) {
                    value = in.bits(1) != 0 ? p1 : m1; // a size other than 1 is corrupt; libjpeg reads it as 1
                } else if (r != 15) {
                    eobrun = 1 << r;
                    if (r > 0) {
                        eobrun += in.bits(r);
                    }
                    break;
                }
                do {
                    if (coef[at + k] != 0) {
                        refine(coef, at + k, p1, m1);
                    } else if (--r < 0) {
                        break;
                    }
                    k++;
                } while (k <= se);
                if (value != 0) {
                    if (k > 63) {
                        throw new JpegStreamException("AC refinement runs past the block");
                    }
                    coef[at + k] = (short) value;
                }
            }
        }
        if (eobrun > 0) {
            for (; k <= se; k++) {
                if (coef[at + k] != 0) {
                    refine(coef, at + k, p1, m1);
                }
            }
            eobrun--;
        }
    }

    /** The correction bit of a non-zero coefficient: adds {@code p1} away from zero unless that bit is already set. */
    private void refine(short[] coef, int z, int p1, int m1) {
        if (in.bits(1) != 0 && (coef[z] & p1) == 0) {
            coef[z] += (short) (coef[z] >= 0 ? p1 : m1);
        }
    }
}
