package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DCT-domain scaled decoder against the full decode (ImageIO, gray replicated as PIL does), box-filtered to the
 * same size.
 */
class ScaledJpegDecoderTest {
    private static final int[][] S444 = {{1, 1}, {1, 1}, {1, 1}};
    private static final int[][] S422 = {{2, 1}, {1, 1}, {1, 1}};
    private static final int[][] S420 = {{2, 2}, {1, 1}, {1, 1}};
    private static final int[][] S411 = {{4, 1}, {1, 1}, {1, 1}};

    @ParameterizedTest(name = "{0} restart {1}")
    @CsvSource({"444, 0", "422, 0", "420, 0", "420, 5", "411, 0", "411, 3", "gray, 0", "gray, 4"})
    void shouldMatchABoxFilteredFullDecodeAtEveryScale(String layout, int restart) throws Exception {
        BufferedImage src = smooth(203, 149, layout.equals("gray"));
        byte[] jpeg = JpegLayouts.jpeg(src, sampling(layout), restart, 0.9f);
        JpegFrame frame = JpegFrame.parse(jpeg);
        assertThat(frame.restartInterval).isEqualTo(restart);
        BufferedImage full = TestConfigs.EXACT.decode(jpeg, 0);
        for (int samples : new int[] {1, 2, 4}) {
            BufferedImage scaled = ScaledJpegDecoder.decode(jpeg, frame, samples);
            assertThat(scaled.getWidth()).isEqualTo((203 * samples + 7) / 8);
            assertThat(scaled.getHeight()).isEqualTo((149 * samples + 7) / 8);
            assertThat(meanDifferenceFromBoxFilter(scaled, full, 8 / samples))
                    .as("%s at %d/8", layout, samples)
                    .isLessThan(2.0);
        }
    }

    @Test
    void shouldKeepGrayImagesGray() throws Exception {
        byte[] jpeg = JpegLayouts.jpeg(smooth(64, 40, true), S444, 0, 0.9f);
        BufferedImage scaled = ScaledJpegDecoder.decode(jpeg, JpegFrame.parse(jpeg), 4);
        for (int y = 0; y < scaled.getHeight(); y++) {
            for (int x = 0; x < scaled.getWidth(); x++) {
                int[] c = Pixels.channels(scaled.getRGB(x, y));
                assertThat(c[0]).isEqualTo(c[1]).isEqualTo(c[2]);
            }
        }
    }

    @Test
    void shouldComputeTheSameSamplesWithTheButterfliesAsWithTheMatrices() {
        Random random = new Random(5);
        ScaledIdct idct = new ScaledIdct();
        FastIdct fast = new FastIdct();
        for (int trial = 0; trial < 500; trial++) {
            int s = trial % 2 == 0 ? 4 : 8;
            int[] coef = new int[64];
            int rows = 0;
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                int v = random.nextInt(s);
                coef[v * 8 + random.nextInt(s)] = random.nextInt(801) - 400;
                rows |= 1 << v;
            }
            coef[0] = random.nextInt(2001) - 1000;
            rows |= 1;
            byte[] viaMatrix = new byte[64];
            byte[] viaButterflies = new byte[64];
            idct.matrix(coef, s, s, rows, 0xFF, viaMatrix, 0, s);
            if (s == 4) {
                fast.idct4(coef, rows, viaButterflies, 0, s);
            } else {
                fast.idct8(coef, rows, viaButterflies, 0, s);
            }
            for (int i = 0; i < s * s; i++) {
                assertThat(Math.abs((viaMatrix[i] & 0xFF) - (viaButterflies[i] & 0xFF)))
                        .as("trial %d sample %d", trial, i)
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void shouldLeaveLosslessCmykAndTwelveBitStreamsToImageIo() throws Exception {
        byte[] progressive = TestImages.jpeg(TestImages.pattern(64, 48), 0.9f, true);
        assertThat(JpegFrame.parse(progressive).progressive).isTrue();
        byte[] lossless = JpegLayouts.jpeg(smooth(32, 32, false), S444, 0, 0.9f);
        lossless[sofOffset(lossless) + 1] = (byte) 0xC3;
        assertThatThrownBy(() -> JpegFrame.parse(lossless))
                .isInstanceOf(JpegStreamException.class)
                .hasMessageContaining("SOF3");
        int[][] ink = new int[16 * 8][];
        Arrays.fill(ink, new int[] {0, 0, 0, 0});
        assertThatThrownBy(() -> JpegFrame.parse(JpegSegments.cmykJpeg(16, 8, ink)))
                .isInstanceOf(JpegStreamException.class)
                .hasMessageContaining("4 components");
        byte[] twelveBit = JpegLayouts.jpeg(smooth(32, 32, false), S444, 0, 0.9f);
        int sof = sofOffset(twelveBit);
        twelveBit[sof + 4] = 12;
        assertThatThrownBy(() -> JpegFrame.parse(twelveBit)).hasMessageContaining("12-bit");
    }

    @Test
    void shouldRefuseTruncatedDataAndAMissingRestartMarker() throws Exception {
        byte[] jpeg = JpegLayouts.jpeg(smooth(160, 120, false), S420, 2, 0.9f);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
        assertThatThrownBy(() -> ScaledJpegDecoder.decode(truncated, JpegFrame.parse(truncated), 4))
                .isInstanceOf(JpegStreamException.class);
        byte[] noRestart = jpeg.clone();
        int at = JpegFrame.parse(noRestart).scanStart;
        while (!((noRestart[at] & 0xFF) == 0xFF && (noRestart[at + 1] & 0xF8) == 0xD0)) {
            at++;
        }
        noRestart[at + 1] = (byte) 0xD5;
        assertThatThrownBy(() -> ScaledJpegDecoder.decode(noRestart, JpegFrame.parse(noRestart), 4))
                .isInstanceOf(JpegStreamException.class)
                .hasMessageContaining("RST0");
    }

    @Test
    void shouldDecodeOrRefuseEveryCorruptedStreamWithoutEscapingExceptions() throws Exception {
        byte[] jpeg = JpegLayouts.jpeg(smooth(160, 120, false), S420, 3, 0.85f);
        ImageDecoder decoder = ImageDecoder.withDefaults();
        Random random = new Random(17);
        int decodedSmall = 0;
        for (int i = 0; i < 600; i++) {
            decodedSmall +=
                    CorruptJpegs.decodeOrRefuse(decoder, CorruptJpegs.mutate(jpeg, random, i), 30) == 40 ? 1 : 0;
        }
        assertThat(decodedSmall)
                .as("most single-bit flips still decode in the DCT path")
                .isGreaterThan(100);
    }

    static BufferedImage smooth(int w, int h, boolean gray) {
        BufferedImage img = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = x * 255 / (w - 1);
                int g = y * 255 / (h - 1);
                int b = (int) (128 + 100 * Math.sin(x / 9.0) * Math.cos(y / 11.0));
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    private static int[][] sampling(String layout) {
        return switch (layout) {
            case "422" -> S422;
            case "420" -> S420;
            case "411" -> S411;
            default -> S444;
        };
    }

    /** Mean channel difference of {@code scaled} from {@code full} averaged over {@code cell x cell} squares. */
    static double meanDifferenceFromBoxFilter(BufferedImage scaled, BufferedImage full, int cell) {
        double sum = 0;
        for (int y = 0; y < scaled.getHeight(); y++) {
            for (int x = 0; x < scaled.getWidth(); x++) {
                int[] want = new int[3];
                int n = 0;
                for (int fy = y * cell; fy < Math.min(full.getHeight(), (y + 1) * cell); fy++) {
                    for (int fx = x * cell; fx < Math.min(full.getWidth(), (x + 1) * cell); fx++) {
                        int[] c = Pixels.channels(full.getRGB(fx, fy));
                        for (int k = 0; k < 3; k++) {
                            want[k] += c[k];
                        }
                        n++;
                    }
                }
                int[] got = Pixels.channels(scaled.getRGB(x, y));
                for (int k = 0; k < 3; k++) {
                    sum += Math.abs(got[k] - want[k] / (double) n);
                }
            }
        }
        return sum / (3.0 * scaled.getWidth() * scaled.getHeight());
    }

    private static int sofOffset(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new IllegalStateException("no SOF0");
    }
}
