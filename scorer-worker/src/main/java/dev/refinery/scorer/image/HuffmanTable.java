package dev.refinery.scorer.image;

/**
 * One JPEG Huffman table (ITU T.81 Annex C) with a 9-bit lookahead: codes up to 9 bits decode with one table read,
 * longer ones by the {@code maxcode} walk of Annex F.2.2.3.
 */
final class HuffmanTable {
    static final int LOOKAHEAD = 9;

    /** {@code length << 8 | symbol} for every 9-bit prefix that starts with a short code; 0 when the code is longer. */
    private final int[] fast = new int[1 << LOOKAHEAD];

    private final int[] maxCode = new int[18];
    private final int[] valOffset = new int[17];
    private final int[] values;

    /**
     * @param counts {@code counts[l]} codes of length {@code l + 1}, l = 0..15
     * @param values the symbols in code order
     */
    HuffmanTable(int[] counts, int[] values) throws JpegStreamException {
        this.values = values.clone();
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            if (n > 0 && code + n >= 1 << len) {
                // libjpeg's JERR_BAD_HUFF_TABLE: the codes overflow the length, or one is all ones
                throw new JpegStreamException("Huffman table has more codes than fit in " + len + " bits");
            }
            valOffset[len] = k - code;
            for (int i = 0; i < n; i++, k++, code++) {
                if (len <= LOOKAHEAD) {
                    int shift = LOOKAHEAD - len;
                    int entry = len << 8 | values[k];
                    for (int j = code << shift, end = (code + 1) << shift; j < end; j++) {
                        fast[j] = entry;
                    }
                }
            }
            maxCode[len] = n == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    /**
     * The code at the top of {@code top16} (the next 16 bits of the stream) as {@code length << 8 | symbol}; the
     * caller consumes {@code length} bits.
     */
    int lookup(int top16) throws JpegStreamException {
        int entry = fast[top16 >>> (16 - LOOKAHEAD)];
        if (entry != 0) {
            return entry;
        }
        for (int len = LOOKAHEAD + 1; len <= 16; len++) {
            int code = top16 >>> (16 - len);
            if (code <= maxCode[len]) {
                return len << 8 | values[valOffset[len] + code];
            }
        }
        throw new JpegStreamException("invalid Huffman code");
    }
}
