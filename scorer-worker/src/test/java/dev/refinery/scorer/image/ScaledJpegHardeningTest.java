package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs on which the DCT-domain scaled decoder once disagreed with ImageIO's full decode without failing (so nothing
 * fell back), and marker oddities it must read as the plain file.
 */
class ScaledJpegHardeningTest {
    private static final int[][] S444 = {{1, 1}, {1, 1}, {1, 1}};
    private static final int[][] S420 = {{2, 2}, {1, 1}, {1, 1}};
    private static final ImageDecoder DECODER = ImageDecoder.withDefaults();

    @Test
    void shouldLeaveColourSpacesThatImageIoReadsOtherwiseToImageIo() throws Exception {
        byte[] jfif = JpegLayouts.jpeg(ScaledJpegDecoderTest.smooth(64, 48, false), S444, 0, 0.9f);
        byte[] noJfif = remove(jfif, 0xE0);
        List<byte[]> ambiguous = List.of(
                insertAfter(jfif, 0xE0, adobe(0)), // libjpeg: JFIF wins, YCbCr; ImageIO: RGB
                JpegSegments.insertAfterSoi(withIds(noJfif, 'R', 'G', 'B'), adobe(2)), // libjpeg YCbCr, ImageIO RGB
                withIds(noJfif, 'Y', 'C', 'c')); // ImageIO converts Kodak PhotoYCC
        for (byte[] jpeg : ambiguous) {
            assertThatThrownBy(() -> JpegFrame.parse(jpeg))
                    .isInstanceOf(JpegStreamException.class)
                    .hasMessageContaining("colour space");
            BufferedImage full = TestConfigs.EXACT.decode(jpeg, 0);
            BufferedImage decoded = DECODER.decode(jpeg, 20);
            assertThat(decoded.getWidth()).isEqualTo(64);
            assertThat(Pixels.maxDifference(decoded, full)).isZero();
        }
        byte[] adobeRgb = JpegSegments.insertAfterSoi(noJfif, adobe(0));
        assertThat(JpegFrame.parse(adobeRgb).storedRgb()).isTrue();
        BufferedImage scaled = ScaledJpegDecoder.decode(adobeRgb, JpegFrame.parse(adobeRgb), 4);
        assertThat(ScaledJpegDecoderTest.meanDifferenceFromBoxFilter(scaled, TestConfigs.EXACT.decode(adobeRgb, 0), 2))
                .isLessThan(2.0);
    }

    @Test
    void shouldRefuseHeadersThatImageIoRefuses() throws Exception {
        byte[] jpeg = JpegLayouts.jpeg(ScaledJpegDecoderTest.smooth(96, 80, false), S420, 0, 0.9f);
        int sof = offset(jpeg, 0xC0);
        byte[] shortDri = insert(jpeg, sof, new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 2});
        byte[] shortSof = jpeg.clone();
        shortSof[sof + 3] -= 3;
        byte[] twoSofs = insert(jpeg, offset(jpeg, 0xDA), Arrays.copyOfRange(jpeg, sof, sof + 19));
        for (byte[] bad : List.of(shortDri, shortSof, twoSofs)) {
            assertThatThrownBy(() -> JpegFrame.parse(bad)).isInstanceOf(JpegStreamException.class);
            assertThatThrownBy(() -> DECODER.decode(bad, 20)).isInstanceOf(UndecodableImageException.class);
        }
    }

    @Test
    void shouldRefuseHuffmanTablesWithAnAllOnesCodeOrTooManyCodes() {
        int[] counts = new int[16];
        counts[0] = 2; // codes 0 and 1: the all-ones code, which libjpeg refuses
        assertThatThrownBy(() -> new HuffmanTable(counts, new int[] {1, 2})).isInstanceOf(JpegStreamException.class);
        int[] tooMany = new int[16];
        tooMany[2] = 9; // nine 3-bit codes overflowed the lookahead table
        assertThatThrownBy(() -> new HuffmanTable(tooMany, new int[9])).isInstanceOf(JpegStreamException.class);
    }

    @Test
    void shouldLeaveCoefficientsBeyondTheSampleRangeToImageIo() throws Exception {
        // libjpeg's IDCT wraps such samples (its range limit masks 10 bits) where the scaled decoder would clip
        byte[] bright = JpegLayouts.jpeg(TestImages.solid(96, 80, 0xF0F0F0), S444, 0, 0.9f);
        byte[] wildDc = bright.clone();
        wildDc[offset(wildDc, 0xDB) + 5] = (byte) 255; // table 0's DC step: 8 * 112 / 2 = 448 steps become 114240
        assertThat(JpegFrame.parse(wildDc).quant[0][0]).isEqualTo(255);
        assertThatThrownBy(() -> ScaledJpegDecoder.decode(wildDc, JpegFrame.parse(wildDc), 2))
                .isInstanceOf(JpegStreamException.class)
                .hasMessageContaining("DC coefficient");
        byte[] progressive = JpegLayouts.progressive(ScaledJpegDecoderTest.smooth(96, 80, false), S420, 0, 0.9f);
        byte[] wildAc = progressive.clone();
        for (int p = 2; p + 12 < wildAc.length; p++) {
            boolean acFirst = (wildAc[p] & 0xFF) == 0xFF
                    && (wildAc[p + 1] & 0xFF) == 0xDA
                    && wildAc[p + 4] == 1
                    && wildAc[p + 7] == 1
                    && (wildAc[p + 9] & 0xF0) == 0;
            if (acFirst) {
                wildAc[p + 9] = 10; // Al 10: every coefficient of the band lands above 10 bits
            }
        }
        assertThatThrownBy(() -> ScaledJpegDecoder.decode(wildAc, JpegFrame.parse(wildAc), 2))
                .isInstanceOf(JpegStreamException.class)
                .hasMessageContaining("AC coefficient");
    }

    @Test
    void shouldReadMarkerOdditiesAsThePlainFile() throws Exception {
        for (boolean progressive : new boolean[] {false, true}) {
            BufferedImage src = ScaledJpegDecoderTest.smooth(203, 149, false);
            byte[] plain =
                    progressive ? JpegLayouts.progressive(src, S420, 0, 0.9f) : JpegLayouts.jpeg(src, S420, 0, 0.9f);
            byte[] restarts =
                    progressive ? JpegLayouts.progressive(src, S420, 4, 0.9f) : JpegLayouts.jpeg(src, S420, 4, 0.9f);
            byte[] thumbnail = JpegLayouts.jpeg(ScaledJpegDecoderTest.smooth(40, 30, false), S444, 0, 0.8f);
            int sof = offset(plain, progressive ? 0xC2 : 0xC0);
            BufferedImage want = decode(plain);
            List<byte[]> same = List.of(
                    insert(plain, sof, new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, 0, 0}), // DRI 0: no restarts
                    insert(plain, sof, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}), // fill bytes
                    concat(plain, "trailing garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    concat(plain, thumbnail), // a second image after EOI
                    JpegSegments.insertAfterSoi(plain, exifWithThumbnail(thumbnail)), // SOI/EOI inside APP1
                    insert(plain, offset(plain, 0xDA), sixteenBitCopyOfTables(plain)));
            for (byte[] jpeg : same) {
                assertThat(Pixels.maxDifference(decode(jpeg), want)).isZero();
            }
            assertThat(Pixels.maxDifference(decode(fillBeforeRestartMarkers(restarts)), decode(restarts)))
                    .isZero();
        }
    }

    private static BufferedImage decode(byte[] jpeg) throws JpegStreamException {
        return ScaledJpegDecoder.decode(jpeg, JpegFrame.parse(jpeg), 2);
    }

    static byte[] adobe(int transform) {
        return new byte[] {
            (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform
        };
    }

    /** Offset of the first segment with {@code marker} before the first scan's data. */
    static int offset(byte[] jpeg, int marker) {
        for (int p = 2; p + 3 < jpeg.length; p += 2 + ((jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF))) {
            if ((jpeg[p + 1] & 0xFF) == marker) {
                return p;
            }
        }
        throw new IllegalStateException("no marker 0x" + Integer.toHexString(marker));
    }

    private static byte[] remove(byte[] jpeg, int marker) {
        int at = offset(jpeg, marker);
        int end = at + 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        return concat(Arrays.copyOf(jpeg, at), Arrays.copyOfRange(jpeg, end, jpeg.length));
    }

    private static byte[] insertAfter(byte[] jpeg, int marker, byte[] segment) {
        int at = offset(jpeg, marker);
        return insert(jpeg, at + 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF)), segment);
    }

    static byte[] insert(byte[] jpeg, int at, byte[] bytes) {
        return concat(Arrays.copyOf(jpeg, at), bytes, Arrays.copyOfRange(jpeg, at, jpeg.length));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** {@code jpeg} with its component ids (frame and every scan) replaced. */
    private static byte[] withIds(byte[] jpeg, int... ids) {
        byte[] b = jpeg.clone();
        int sof = offset(b, 0xC0);
        int[] old = new int[3];
        for (int c = 0; c < 3; c++) {
            old[c] = b[sof + 10 + 3 * c] & 0xFF;
            b[sof + 10 + 3 * c] = (byte) ids[c];
        }
        int sos = offset(b, 0xDA);
        for (int i = 0; i < (b[sos + 4] & 0xFF); i++) {
            int at = sos + 5 + 2 * i;
            for (int c = 0; c < 3; c++) {
                if ((b[at] & 0xFF) == old[c]) {
                    b[at] = (byte) ids[c];
                    break;
                }
            }
        }
        return b;
    }

    /** A DQT segment redefining every table of {@code jpeg}'s (first) DQT with the same values in 16 bits. */
    private static byte[] sixteenBitCopyOfTables(byte[] jpeg) {
        int dqt = offset(jpeg, 0xDB);
        int end = dqt + 2 + ((jpeg[dqt + 2] & 0xFF) << 8 | (jpeg[dqt + 3] & 0xFF));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int p = dqt + 4; p < end; p += 65) {
            assertThat(jpeg[p] >> 4).as("8-bit source table").isZero();
            body.write(0x10 | (jpeg[p] & 15));
            for (int k = 0; k < 64; k++) {
                body.write(0);
                body.write(jpeg[p + 1 + k]);
            }
        }
        int length = body.size() + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) 0xDB, (byte) (length >> 8), (byte) length}, body.toByteArray());
    }

    /** {@code jpeg} with two fill bytes (0xFF) before each restart marker in its entropy-coded data. */
    private static byte[] fillBeforeRestartMarkers(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int scan = offset(jpeg, 0xDA);
        int rst = 0;
        for (int p = 0; p < jpeg.length; p++) {
            if (p > scan && p + 1 < jpeg.length && (jpeg[p] & 0xFF) == 0xFF && (jpeg[p + 1] & 0xF8) == 0xD0) {
                out.write(0xFF);
                out.write(0xFF);
                rst++;
            }
            out.write(jpeg[p]);
        }
        assertThat(rst).as("restart markers").isPositive();
        return out.toByteArray();
    }

    /** An EXIF APP1 segment whose IFD1 holds {@code thumbnail}, a whole JPEG with its own SOI and EOI. */
    private static byte[] exifWithThumbnail(byte[] thumbnail) {
        int at = 8 + 6 + 2 + 24 + 4;
        byte[] tiff = concat(
                new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 14, 0, 2},
                new byte[] {0x02, 0x01, 0, 4, 0, 0, 0, 1, 0, 0, 0, (byte) at},
                new byte[] {0x02, 0x02, 0, 4, 0, 0, 0, 1, 0, 0, (byte) (thumbnail.length >> 8), (byte) thumbnail.length
                },
                new byte[] {0, 0, 0, 0},
                thumbnail);
        int length = 2 + 6 + tiff.length;
        return concat(
                new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0},
                tiff);
    }
}
