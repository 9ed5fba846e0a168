package dev.refinery.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.schemas.ImageFormat;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JpegInspectionTest {

    private static final byte[] JPEG = TestImages.jpeg(120, 80);

    private final ImageInspector inspector = new ImageInspector(ValidationLimits.defaults());

    @ParameterizedTest
    @ValueSource(ints = {12, 120, 4096, 65_533})
    void shouldSkipExifSegmentsOfAnyLengthIncludingAnEmbeddedThumbnail(int dataLength) throws RejectedInputException {
        byte[] withExif = TestImages.withExif(JPEG, dataLength);

        assertThat(inspector.inspect(withExif)).isEqualTo(new ImageInfo(ImageFormat.JPEG, 120, 80));
    }

    @Test
    void shouldSkipSeveralLargeAppSegmentsBeforeTheFrame() throws RejectedInputException {
        byte[] twice = TestImages.withExif(TestImages.withExif(TestImages.progressiveJpeg(50, 70), 65_533), 30_000);

        assertThat(inspector.inspect(twice)).isEqualTo(new ImageInfo(ImageFormat.JPEG, 50, 70));
    }

    @Test
    void shouldSkipFillBytesBeforeMarkers() throws RejectedInputException {
        int sof = TestImages.jpegSegment(JPEG, 0xC0);
        byte[] filled = TestImages.concat(
                Arrays.copyOf(JPEG, sof),
                new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                Arrays.copyOfRange(JPEG, sof, JPEG.length));

        assertThat(inspector.inspect(filled).width()).isEqualTo(120);
    }

    @Test
    void shouldSkipStandaloneMarkersAndStrayBytesBetweenSegments() throws RejectedInputException {
        int sof = TestImages.jpegSegment(JPEG, 0xC0);
        byte[] odd = TestImages.concat(
                Arrays.copyOf(JPEG, sof),
                HexFormat.of().parseHex("ffd0ff01000102"),
                Arrays.copyOfRange(JPEG, sof, JPEG.length));

        assertThat(inspector.inspect(odd).height()).isEqualTo(80);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000, 200_000})
    void shouldAcceptTrailingBytesAfterTheEndMarker(int trailing) throws RejectedInputException {
        byte[] junk = new byte[trailing];
        Arrays.fill(junk, (byte) 0x42); // e.g. an appended motion-photo video, longer than the 64 KiB tail

        assertThat(inspector.inspect(TestImages.concat(JPEG, junk)).width()).isEqualTo(120);
    }

    @Test
    void shouldRejectAJpegCutShortInItsScanDataAsTruncated() {
        byte[] cut = Arrays.copyOf(JPEG, JPEG.length * 2 / 3);

        assertThatThrownBy(() -> inspector.inspect(cut))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "image.truncated")
                .hasMessageContaining("EOI");
    }

    @Test
    void shouldNotTakeTheThumbnailEndMarkerForTheImageEnd() {
        byte[] withExif = TestImages.withExif(JPEG, 5000);
        byte[] cut = Arrays.copyOf(withExif, withExif.length - 500);

        assertReason(cut, "image.truncated");
    }

    @Test
    void shouldRejectASegmentRunningPastTheEndAsTruncated() {
        byte[] withExif = TestImages.withExif(JPEG, 65_533);

        assertThatThrownBy(() -> inspector.inspect(Arrays.copyOf(withExif, 30_000)))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "image.truncated")
                .hasMessageContaining("past the end");
    }

    @Test
    void shouldRejectAScanBeforeAnyFrameHeaderAsCorrupt() {
        byte[] noFrame =
                HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000ffda0008010100003f00abcdffd9");

        assertThatThrownBy(() -> inspector.inspect(noFrame))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", "image.corrupt")
                .hasMessageContaining("SOS");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5})
    void shouldRejectAZeroDimensionInTheFrameHeaderAsCorrupt(int offsetInSegment) {
        byte[] zero = JPEG.clone();
        int sof = TestImages.jpegSegment(zero, 0xC0) + 2; // start of the length field
        zero[sof + offsetInSegment] = 0;
        zero[sof + offsetInSegment + 1] = 0;

        assertReason(zero, "image.corrupt");
    }

    @Test
    void shouldRejectABadSegmentLengthAsCorrupt() {
        byte[] bad = JPEG.clone();
        int sof = TestImages.jpegSegment(bad, 0xC0);
        bad[sof + 2] = 0;
        bad[sof + 3] = 1;

        assertReason(bad, "image.corrupt");
    }

    @Test
    void shouldRejectAnEndMarkerBeforeTheImageAsCorrupt() {
        assertReason(HexFormat.of().parseHex("ffd8ffd9"), "image.corrupt");
    }

    @Test
    void shouldRejectAHeaderCutBeforeTheScanAsTruncated() {
        int sos = TestImages.jpegSegment(JPEG, 0xDA);

        assertReason(Arrays.copyOf(JPEG, sos), "image.truncated");
        assertReason(Arrays.copyOf(JPEG, 3), "image.truncated");
    }

    private void assertReason(byte[] bytes, String reason) {
        assertThatThrownBy(() -> inspector.inspect(bytes))
                .isInstanceOf(RejectedInputException.class)
                .hasFieldOrPropertyWithValue("reason", reason);
    }
}
