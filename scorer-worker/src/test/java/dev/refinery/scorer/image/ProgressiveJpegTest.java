package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Progressive JPEGs through the scaled decoder ({@link ProgressiveScans}): the same pixels as the baseline file with
 * the same coefficients, and as the box-filtered full decode, for every scan script, layout and restart interval;
 * truncated files rendered as far as they go; corrupt ones refused, never escaping.
 */
class ProgressiveJpegTest {
    private static final int[][] S444 = {{1, 1}, {1, 1}, {1, 1}};
    private static final int[][] S422 = {{2, 1}, {1, 1}, {1, 1}};
    private static final int[][] S420 = {{2, 2}, {1, 1}, {1, 1}};
    private static final int[][] S411 = {{4, 1}, {1, 1}, {1, 1}};

    @Test
    void shouldDecodeTheJdkWritersProgressionLikeItsBaselineFile() throws Exception {
        for (boolean gray : new boolean[] {false, true}) {
            BufferedImage src = ScaledJpegDecoderTest.smooth(203, 149, gray);
            byte[] jpeg = TestImages.jpeg(src, 0.9f, true);
            List<int[]> scans = scans(jpeg);
            assertThat(JpegFrame.parse(jpeg).progressive).isTrue();
            assertThat(scans).as("DC, AC bands and refinements").hasSizeGreaterThanOrEqualTo(6);
            assertThat(scans).as("successive approximation").anyMatch(s -> s[2] > 0 && s[0] > 0);
            assertThat(scans).as("interleaved DC").anyMatch(s -> s[4] == (gray ? 1 : 3) && s[0] == 0);
            assertMatchesBaselineAndFullDecode(jpeg, TestImages.jpeg(src, 0.9f, false));
        }
    }

    @ParameterizedTest(name = "{0} restart {1}")
    @CsvSource({"444, 0", "422, 3", "420, 5", "411, 0", "gray, 4"})
    void shouldDecodeEveryLayoutAndRestartInterval(String layout, int restart) throws Exception {
        boolean gray = layout.equals("gray");
        int[][] sampling =
                switch (layout) {
                    case "422" -> S422;
                    case "420" -> S420;
                    case "411" -> S411;
                    default -> S444;
                };
        BufferedImage src = ScaledJpegDecoderTest.smooth(203, 149, gray);
        byte[] jpeg = JpegLayouts.progressive(src, sampling, restart, 0.9f);
        assertThat(JpegFrame.parse(jpeg).restartInterval).isEqualTo(restart);
        assertMatchesBaselineAndFullDecode(jpeg, JpegLayouts.jpeg(src, sampling, restart, 0.9f));
    }

    @Test
    void shouldDecodeAnyScanScriptLikeTheBaselineFileWithTheSameCoefficients() throws Exception {
        int[][][] colour = {
            {{0, 0, 0, 0, 0}, {0, 0, 0, 0, 2}, {0, 0, 0, 0, 1}, {1, 63, 0, 0, 2}, {1, 63, 0, 0, 0}, {1, 63, 0, 0, 1}},
            {
                {0, 0, 0, 2, 0, 1, 2},
                {1, 5, 0, 0, 0},
                {0, 0, 2, 1, 0},
                {6, 63, 0, 0, 0},
                {0, 0, 2, 1, 1, 2},
                {1, 63, 0, 0, 2},
                {0, 0, 1, 0, 0, 1, 2},
                {1, 63, 0, 0, 1}
            },
            {
                {0, 0, 0, 1, 1, 2},
                {0, 0, 0, 1, 0},
                {1, 1, 0, 0, 0},
                {2, 39, 0, 0, 0},
                {0, 0, 1, 0, 0},
                {40, 63, 0, 0, 0},
                {0, 0, 1, 0, 1, 2},
                {1, 63, 0, 0, 1},
                {1, 63, 0, 0, 2}
            }
        };
        CoefficientJpegs coloured = new CoefficientJpegs(197, 149, S420);
        for (int[][] script : colour) {
            assertMatchesBaselineAndFullDecode(coloured.progressive(script), coloured.baseline());
        }
        CoefficientJpegs gray = new CoefficientJpegs(197, 149, new int[][] {{1, 1}});
        int[][] script = {
            {0, 0, 0, 3, 0}, {1, 2, 0, 0, 0}, {0, 0, 3, 2, 0}, {3, 63, 0, 0, 0}, {0, 0, 2, 1, 0}, {0, 0, 1, 0, 0}
        };
        assertMatchesBaselineAndFullDecode(gray.progressive(script), gray.baseline());
    }

    @Test
    void shouldRenderTheScansATruncatedFileHolds() throws Exception {
        byte[] jpeg = JpegLayouts.progressive(ScaledJpegDecoderTest.smooth(203, 149, false), S420, 0, 0.9f);
        List<int[]> scans = scans(jpeg);
        int firstData = scans.get(0)[5];
        int[] cuts = {
            scans.get(1)[5] + 20,
            (scans.get(3)[5] + scans.get(4)[6]) / 2,
            scans.get(6)[5] + 3,
            jpeg.length - 300,
            jpeg.length - 2
        };
        for (int cut : cuts) {
            byte[] truncated = Arrays.copyOf(jpeg, cut);
            BufferedImage scaled = ScaledJpegDecoder.decode(truncated, JpegFrame.parse(truncated), 2);
            BufferedImage full = TestConfigs.EXACT.decode(truncated, 0);
            assertThat(ScaledJpegDecoderTest.meanDifferenceFromBoxFilter(scaled, full, 4))
                    .as("cut at %d of %d: libjpeg shows the same partial image", cut, jpeg.length)
                    .isLessThan(2.0);
            assertThat(ImageDecoder.withDefaults().decode(truncated, 30).getWidth())
                    .isEqualTo(51);
        }
        byte[] inFirstScan = Arrays.copyOf(jpeg, firstData + 40);
        assertThatThrownBy(() -> ScaledJpegDecoder.decode(inFirstScan, JpegFrame.parse(inFirstScan), 2))
                .isInstanceOf(JpegStreamException.class)
                .hasMessageContaining("first DC scan");
    }

    @Test
    void shouldRefuseBadProgressionsMisplacedRestartsAndEndlessScans() throws Exception {
        byte[] jpeg = JpegLayouts.progressive(ScaledJpegDecoderTest.smooth(160, 120, false), S420, 2, 0.9f);
        List<int[]> scans = scans(jpeg);
        byte[] badBand = jpeg.clone();
        badBand[scans.get(1)[5] - 2] = 64; // Se of the first AC scan
        assertThatThrownBy(() -> ScaledJpegDecoder.decode(badBand, JpegFrame.parse(badBand), 2))
                .isInstanceOf(JpegStreamException.class)
                .hasMessageContaining("bad progression");
        byte[] noRestart = jpeg.clone();
        int at = scans.get(3)[5];
        while (!((noRestart[at] & 0xFF) == 0xFF && (noRestart[at + 1] & 0xF8) == 0xD0)) {
            at++;
        }
        noRestart[at + 1] = (byte) 0xD7;
        assertThatThrownBy(() -> ScaledJpegDecoder.decode(noRestart, JpegFrame.parse(noRestart), 2))
                .isInstanceOf(JpegStreamException.class)
                .hasMessageContaining("RST");
        int[] dcRefine =
                scans.stream().filter(s -> s[0] == 0 && s[2] > 0).findFirst().orElseThrow();
        int next = scans.get(scans.indexOf(dcRefine) + 1)[6];
        ByteArrayOutputStream endless = new ByteArrayOutputStream();
        endless.write(jpeg, 0, next);
        for (int i = 0; i < ProgressiveScans.MAX_SCANS; i++) {
            endless.write(jpeg, dcRefine[6], next - dcRefine[6]); // harmless alone: each scan refines DC again
        }
        endless.write(jpeg, next, jpeg.length - next);
        byte[] repeated = endless.toByteArray();
        assertThatThrownBy(() -> ScaledJpegDecoder.decode(repeated, JpegFrame.parse(repeated), 2))
                .isInstanceOf(JpegStreamException.class)
                .hasMessageContaining("scans");
    }

    @Test
    void shouldDecodeOrRefuseEveryCorruptedProgressiveStreamWithoutEscapingExceptions() throws Exception {
        ImageDecoder decoder = ImageDecoder.withDefaults();
        Random random = new Random(23);
        int decodedSmall = 0;
        for (int restart : new int[] {0, 3}) {
            byte[] jpeg = JpegLayouts.progressive(ScaledJpegDecoderTest.smooth(160, 120, false), S420, restart, 0.85f);
            for (int i = 0; i < 400; i++) {
                byte[] b = CorruptJpegs.mutate(jpeg, random, i);
                decodedSmall += CorruptJpegs.decodeOrRefuse(decoder, b, 30) == 40 ? 1 : 0;
            }
        }
        assertThat(decodedSmall)
                .as("most damaged files still decode in the DCT path")
                .isGreaterThan(200);
    }

    /** Same pixels as the baseline file at every scale, and close to the box-filtered full decode. */
    private static void assertMatchesBaselineAndFullDecode(byte[] progressive, byte[] baseline) throws Exception {
        JpegFrame frame = JpegFrame.parse(progressive);
        assertThat(frame.progressive).isTrue();
        BufferedImage full = TestConfigs.EXACT.decode(progressive, 0);
        assertThat(Pixels.maxDifference(full, TestConfigs.EXACT.decode(baseline, 0)))
                .as("ImageIO: the files hold the same coefficients")
                .isZero();
        for (int samples : new int[] {1, 2, 4}) {
            BufferedImage scaled = ScaledJpegDecoder.decode(progressive, frame, samples);
            assertThat(scaled.getWidth()).isEqualTo((frame.width * samples + 7) / 8);
            assertThat(scaled.getHeight()).isEqualTo((frame.height * samples + 7) / 8);
            BufferedImage reference = ScaledJpegDecoder.decode(baseline, JpegFrame.parse(baseline), samples);
            assertThat(Pixels.maxDifference(scaled, reference))
                    .as("at %d/8", samples)
                    .isZero();
            assertThat(ScaledJpegDecoderTest.meanDifferenceFromBoxFilter(scaled, full, 8 / samples))
                    .as("at %d/8", samples)
                    .isLessThan(2.0);
        }
    }

    /** Each SOS: {Ss, Se, Ah, Al, components, offset of its data, offset of its marker}. */
    private static List<int[]> scans(byte[] jpeg) {
        List<int[]> scans = new ArrayList<>();
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                int n = jpeg[i + 4] & 0xFF;
                int p = i + 5 + 2 * n;
                scans.add(new int[] {
                    jpeg[p] & 0xFF, jpeg[p + 1] & 0xFF, (jpeg[p + 2] & 0xFF) >> 4, jpeg[p + 2] & 15, n, p + 3, i
                });
            }
        }
        return scans;
    }
}
