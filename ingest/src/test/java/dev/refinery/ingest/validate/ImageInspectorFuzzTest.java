package dev.refinery.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random mutations and truncations of valid images: whatever the bytes, the inspector gives a sane {@link ImageInfo}
 * or a {@link RejectedInputException} with an {@code image.*} reason, and never an unchecked exception (not even one
 * wrapped by its safety net).
 */
class ImageInspectorFuzzTest {

    private static final Set<String> IMAGE_REASONS = Set.of(
            "image.empty",
            "image.too_large",
            "image.unsupported_format",
            "image.truncated",
            "image.corrupt",
            "image.decompression_bomb",
            "image.too_small");

    private static final List<byte[]> SEEDS = List.of(
            TestImages.jpeg(48, 32),
            TestImages.progressiveJpeg(40, 40),
            TestImages.withExif(TestImages.jpeg(16, 16), 300),
            TestImages.write("png", 33, 17),
            TestImages.write("gif", 20, 24),
            TestImages.concat(
                    HandBuiltImages.gif(8, 8, false),
                    HandBuiltImages.gifFrame(0, 0, 8, 8),
                    HandBuiltImages.gifFrame(1, 1, 4, 4),
                    new byte[] {0x3B}),
            HandBuiltImages.webpVp8(320, 200),
            HandBuiltImages.webpVp8l(64, 64),
            HandBuiltImages.webpVp8x(500, 400));

    private final ValidationLimits limits = new ValidationLimits(1 << 20, 1_000_000, 2, 100);
    private final ImageInspector inspector = new ImageInspector(limits);

    @Test
    void shouldOnlyEverReturnAValidInfoOrARejectionForMutatedImages() {
        Random random = new Random(20_240_601L);
        for (int i = 0; i < 6000; i++) {
            byte[] seed = SEEDS.get(random.nextInt(SEEDS.size()));
            check(mutate(seed, random));
        }
    }

    @Test
    void shouldOnlyEverReturnAValidInfoOrARejectionForRandomBytesBehindASignature() {
        Random random = new Random(7L);
        for (int i = 0; i < 3000; i++) {
            byte[] seed = SEEDS.get(random.nextInt(SEEDS.size()));
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            int keep = Math.min(seed.length, random.nextInt(40));
            System.arraycopy(seed, 0, bytes, 0, Math.min(keep, bytes.length));
            check(bytes);
        }
    }

    @Test
    void shouldAcceptEverySeedUnchanged() throws RejectedInputException {
        for (byte[] seed : SEEDS) {
            assertThat(inspector.inspect(seed).pixels()).isPositive();
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        return switch (random.nextInt(7)) {
            case 0 -> Arrays.copyOf(b, random.nextInt(b.length)); // truncate anywhere
            case 1 -> { // flip a few bytes anywhere
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                }
                yield b;
            }
            case 2 -> { // flip bytes in the header region, where lengths and sizes live
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    b[random.nextInt(Math.min(b.length, 64))] = (byte) random.nextInt(256);
                }
                yield b;
            }
            case 3 -> { // plant marker-like bytes
                int at = random.nextInt(b.length - 1);
                b[at] = (byte) 0xFF;
                b[at + 1] = (byte) new int[] {0x00, 0xD8, 0xD9, 0xDA, 0xC0, 0xFF, 0x3B, 0x2C}[random.nextInt(8)];
                yield b;
            }
            case 4 -> { // insert random bytes
                int at = random.nextInt(b.length);
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                yield TestImages.concat(Arrays.copyOf(b, at), noise, Arrays.copyOfRange(b, at, b.length));
            }
            case 5 -> { // delete a range
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(32));
                yield TestImages.concat(Arrays.copyOf(b, from), Arrays.copyOfRange(b, to, b.length));
            }
            default -> { // a length or size field set to an extreme
                int at = random.nextInt(Math.min(b.length - 1, 40));
                b[at] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
                b[at + 1] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
                yield b;
            }
        };
    }

    private void check(byte[] bytes) {
        try {
            ImageInfo info = inspector.inspect(bytes);
            assertThat(info.pixels()).isLessThanOrEqualTo(limits.maxPixels());
            assertThat(Math.min(info.width(), info.height())).isGreaterThanOrEqualTo(limits.minSide());
        } catch (RejectedInputException e) {
            assertThat(e.reason()).isIn(IMAGE_REASONS);
            assertThat(e.getMessage()).isNotBlank();
            if (e.getCause() != null) {
                fail(
                        "parser bug behind the safety net for input %s",
                        HexFormat.of().formatHex(bytes), e);
            }
        } catch (RuntimeException e) {
            fail("unchecked exception for input %s", HexFormat.of().formatHex(bytes), e);
        }
    }
}
