package dev.refinery.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.schemas.ImageFormat;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** PNG, GIF and WebP structure checks. */
class ContainerInspectionTest {

    private static final byte[] PNG = TestImages.write("png", 40, 30);
    private static final byte[] GIF = TestImages.write("gif", 40, 30);

    private final ImageInspector inspector = new ImageInspector(ValidationLimits.defaults());

    @Test
    void shouldRejectAPngWithoutIendAsTruncated() {
        assertReason(Arrays.copyOf(PNG, PNG.length - 12), "image.truncated", "IEND");
        assertReason(Arrays.copyOf(PNG, PNG.length / 2), "image.truncated", "PNG");
        assertReason(Arrays.copyOf(PNG, 20), "image.truncated", "IHDR");
    }

    @Test
    void shouldAcceptBytesAfterThePngIend() throws RejectedInputException {
        assertThat(inspector.inspect(TestImages.concat(PNG, new byte[100])).height())
                .isEqualTo(30);
    }

    @Test
    void shouldRejectAPngWhoseIhdrChecksumDoesNotMatchAsCorrupt() {
        byte[] bad = PNG.clone();
        bad[19] ^= 0x01; // low byte of the width

        assertReason(bad, "image.corrupt", "checksum");
    }

    @Test
    void shouldRejectPngChunkListsThatMakeNoSenseAsCorrupt() {
        byte[] header = HandBuiltImages.png(10, 10, false);
        byte[] iend = HandBuiltImages.pngChunk("IEND", new byte[0]);

        assertReason(TestImages.concat(header, iend), "image.corrupt", "IDAT");
        assertReason(TestImages.concat(header, HexFormat.of().parseHex("ffffffff49444154")), "image.corrupt", "2^31");
        assertReason(TestImages.concat(header, HexFormat.of().parseHex("0000000012345678")), "image.corrupt", "type");
        assertReason(HandBuiltImages.png(0, 10, true), "image.corrupt", "0x10");
        assertReason(HandBuiltImages.png(3_000_000_000L, 1, true), "image.corrupt", "2^31-1");
    }

    @Test
    void shouldRejectAGifWithoutTrailerOrCutShortAsTruncated() {
        assertReason(Arrays.copyOf(GIF, GIF.length - 1), "image.truncated", "GIF");
        assertReason(Arrays.copyOf(GIF, GIF.length / 2), "image.truncated", "GIF");
        assertReason(Arrays.copyOf(GIF, 10), "image.truncated", "logical screen");
    }

    @Test
    void shouldAcceptJunkAfterTheLastGifFrame() throws RejectedInputException {
        byte[] junk = TestImages.concat(Arrays.copyOf(GIF, GIF.length - 1), new byte[] {0x00, 0x42, 0x42});

        assertThat(inspector.inspect(junk)).isEqualTo(new ImageInfo(ImageFormat.GIF, 40, 30));
    }

    @Test
    void shouldGrowAZeroGifScreenToItsFirstFrame() throws RejectedInputException {
        byte[] zeroScreen = TestImages.concat(
                HandBuiltImages.gif(0, 0, false), HandBuiltImages.gifFrame(2, 3, 10, 20), new byte[] {0x3B});

        assertThat(inspector.inspect(zeroScreen)).isEqualTo(new ImageInfo(ImageFormat.GIF, 12, 23));
    }

    @Test
    void shouldRejectALaterGifFrameThatGrowsTheCanvasIntoABomb() {
        byte[] sneaky = TestImages.concat(
                HandBuiltImages.gif(10, 10, false),
                HandBuiltImages.gifFrame(0, 0, 10, 10),
                HandBuiltImages.gifFrame(0, 0, 65_535, 65_535),
                new byte[] {0x3B});

        assertReason(sneaky, "image.decompression_bomb", "65535x65535");
    }

    @Test
    void shouldRejectAGifWithoutAnyFrameAsCorrupt() {
        assertReason(
                TestImages.concat(HandBuiltImages.gif(10, 10, false), new byte[] {0x3B}), "image.corrupt", "no image");
        assertReason(TestImages.concat(HandBuiltImages.gif(10, 10, false), new byte[] {0x77}), "image.corrupt", "0x77");
    }

    @Test
    void shouldRejectAWebpWhoseRiffSizeClaimsMoreThanIsThereAsTruncated() {
        byte[] webp = HandBuiltImages.webpVp8(100, 100);

        assertReason(Arrays.copyOf(webp, webp.length - 2), "image.truncated", "RIFF");
        assertReason(Arrays.copyOf(webp, 16), "image.truncated", "WebP");
    }

    @Test
    void shouldAcceptBytesAfterTheRiffContainer() throws RejectedInputException {
        assertThat(inspector
                        .inspect(TestImages.concat(HandBuiltImages.webpVp8l(5, 7), new byte[9]))
                        .width())
                .isEqualTo(5);
    }

    @Test
    void shouldRejectInconsistentWebpHeadersAsCorrupt() {
        byte[] noStartCode = HandBuiltImages.webpVp8(100, 100);
        noStartCode[23] = 0;
        byte[] badSignature = HandBuiltImages.webpVp8l(100, 100);
        badSignature[20] = 0x2E;
        byte[] chunkTooLong = HandBuiltImages.webpVp8l(100, 100);
        chunkTooLong[16] = 0x70;
        byte[] onlyCanvas = HandBuiltImages.riff(HandBuiltImages.riffChunk("VP8X", new byte[10]));
        byte[] alphaFirst = HandBuiltImages.riff(HandBuiltImages.riffChunk("ALPH", new byte[10]));

        assertReason(noStartCode, "image.corrupt", "start code");
        assertReason(badSignature, "image.corrupt", "signature");
        assertReason(chunkTooLong, "image.corrupt", "past the RIFF");
        assertReason(onlyCanvas, "image.corrupt", "no VP8");
        assertReason(alphaFirst, "image.corrupt", "'ALPH'");
        assertReason(HandBuiltImages.webpVp8(0, 100), "image.corrupt", "0x100");
    }

    private void assertReason(byte[] bytes, String reason, String messagePart) {
        assertThatThrownBy(() -> inspector.inspect(bytes))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", reason)
                .hasMessageContaining(messagePart);
    }
}
