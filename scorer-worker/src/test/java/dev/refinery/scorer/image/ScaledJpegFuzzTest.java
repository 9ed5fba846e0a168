package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutations (truncations, bit flips in the headers and in the entropy-coded data, bytes overwritten) of
 * baseline and progressive files in several layouts, through {@link ImageDecoder} with the scaled path on: each
 * decodes to {@code TYPE_INT_RGB} at the scaled or the ImageIO-subsampled size, or is an
 * {@link UndecodableImageException}; nothing hangs or escapes. Where only entropy-coded bits of the first scan changed
 * and both the scaled decoder and ImageIO decode the result, the two must agree: an intact file is within about 1 of
 * the box-filtered full decode, a desynchronised one yields the same garbage in both as long as the scaled decoder
 * follows libjpeg's rules, while one that diverged (different padding, resynchronisation or range handling) differs by
 * 30 to 170 on average. The bound of 6 separates those with a wide margin.
 */
class ScaledJpegFuzzTest {
    private static final int TARGET = 30;
    private static final int MUTATIONS = 300;
    private static final double ENTROPY_BOUND = 6.0;

    @Test
    @Timeout(60)
    void shouldDecodeOrRefuseEveryMutationAndAgreeWithImageIoOnEntropyDamage() throws Exception {
        int[][] s420 = {{2, 2}, {1, 1}, {1, 1}};
        int[][] s422 = {{2, 1}, {1, 1}, {1, 1}};
        int[][] s444 = {{1, 1}, {1, 1}, {1, 1}};
        BufferedImage rgb = ScaledJpegDecoderTest.smooth(160, 120, false);
        BufferedImage gray = ScaledJpegDecoderTest.smooth(100, 77, true);
        byte[][] bases = {
            JpegLayouts.jpeg(rgb, s420, 3, 0.85f),
            JpegLayouts.jpeg(rgb, s422, 1, 0.85f),
            JpegLayouts.jpeg(gray, s444, 0, 0.85f),
            JpegLayouts.progressive(rgb, s420, 0, 0.85f),
            JpegLayouts.progressive(rgb, s444, 2, 0.85f),
            JpegLayouts.progressive(gray, s444, 0, 0.85f)
        };
        ImageDecoder decoder = ImageDecoder.withDefaults();
        Random random = new Random(20240611);
        int compared = 0;
        for (int base = 0; base < bases.length; base++) {
            byte[] jpeg = bases[base];
            int scanStart = JpegFrame.parse(jpeg).scanStart;
            int scanEnd = firstMarker(jpeg, scanStart);
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] b = jpeg.clone();
                boolean entropyOnly = false;
                switch (i % 5) {
                    case 0 -> b = Arrays.copyOf(b, 2 + random.nextInt(b.length - 2));
                    case 1 -> flip(b, random, 2, scanStart);
                    case 2, 3 -> {
                        flip(b, random, scanStart, scanEnd);
                        entropyOnly = true;
                    }
                    default -> b[2 + random.nextInt(b.length - 2)] = (byte) random.nextInt(256);
                }
                String what = "base " + base + " mutation " + i;
                checkDecode(decoder, b, what);
                if (entropyOnly && compareWithImageIo(b, what)) {
                    compared++;
                }
            }
        }
        assertThat(compared).as("entropy-damaged files both decoders read").isGreaterThan(200);
    }

    private static void checkDecode(ImageDecoder decoder, byte[] b, String what) {
        BufferedImage img;
        try {
            img = decoder.decode(b, TARGET);
        } catch (UndecodableImageException e) {
            return;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + " escaped as " + e, e);
        }
        assertThat(img.getType()).as(what).isEqualTo(BufferedImage.TYPE_INT_RGB);
        JpegFrame frame;
        try {
            frame = JpegFrame.parse(b);
        } catch (JpegStreamException e) {
            assertThat(Math.min(img.getWidth(), img.getHeight())).as(what).isPositive();
            return;
        }
        int w = frame.width;
        int h = frame.height;
        int s = ScaledJpegDecoder.samplesPerBlock(w, h, TARGET);
        int factor = ImageDecoder.subsamplingFactor(Math.min(w, h), TARGET * ImageDecoder.DEFAULT_RESIZE_MARGIN);
        boolean scaledSize = s < 8 && img.getWidth() == (w * s + 7) / 8 && img.getHeight() == (h * s + 7) / 8;
        boolean imageIoSize = img.getWidth() == ImageDecoder.subsampledSide(w, factor)
                && img.getHeight() == ImageDecoder.subsampledSide(h, factor);
        if (!scaledSize && !imageIoSize) {
            fail(what + ": " + img.getWidth() + "x" + img.getHeight() + " from a " + w + "x" + h + " frame");
        }
    }

    /** Whether both decoders read {@code b}; if they do, asserts that they agree within {@link #ENTROPY_BOUND}. */
    private static boolean compareWithImageIo(byte[] b, String what) throws Exception {
        JpegFrame frame = JpegFrame.parse(b);
        int s = ScaledJpegDecoder.samplesPerBlock(frame.width, frame.height, TARGET);
        BufferedImage scaled;
        BufferedImage full;
        try {
            scaled = ScaledJpegDecoder.decode(b, frame, s);
            full = TestConfigs.EXACT.decode(b, 0);
        } catch (JpegStreamException | UndecodableImageException e) {
            return false;
        }
        assertThat(ScaledJpegDecoderTest.meanDifferenceFromBoxFilter(scaled, full, 8 / s))
                .as(what)
                .isLessThan(ENTROPY_BOUND);
        return true;
    }

    /** One to four bit flips in {@code [from, to)}. */
    private static void flip(byte[] b, Random random, int from, int to) {
        for (int f = 0, n = 1 + random.nextInt(4); f < n; f++) {
            b[from + random.nextInt(to - from)] ^= (byte) (1 << random.nextInt(8));
        }
    }

    /** Where the entropy-coded data from {@code at} ends: its first marker other than a restart marker. */
    private static int firstMarker(byte[] b, int at) {
        for (int p = at; p + 1 < b.length; p++) {
            int next = b[p + 1] & 0xFF;
            if ((b[p] & 0xFF) == 0xFF && next != 0 && (next & 0xF8) != 0xD0) {
                return p;
            }
        }
        return b.length;
    }
}
