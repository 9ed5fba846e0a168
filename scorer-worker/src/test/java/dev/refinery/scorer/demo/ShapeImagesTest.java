package dev.refinery.scorer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ShapeImagesTest {

    @Test
    void shouldGenerateTheSameBytesForTheSameSeedWhateverTheCount() {
        List<DemoImage> few = ShapeImages.generate(5, 42);
        List<DemoImage> more = ShapeImages.generate(12, 42);
        List<DemoImage> other = ShapeImages.generate(5, 43);

        for (int i = 0; i < few.size(); i++) {
            assertThat(more.get(i).bytes()).isEqualTo(few.get(i).bytes());
            assertThat(more.get(i).colour()).isEqualTo(few.get(i).colour());
            assertThat(other.get(i).bytes()).isNotEqualTo(few.get(i).bytes());
        }
    }

    @Test
    void shouldEncodeDecodableJpegAndPngImagesOfTheDeclaredSize() throws IOException {
        List<DemoImage> images = ShapeImages.generate(40, 7);

        assertThat(images).extracting(DemoImage::format).contains("jpeg", "png").containsOnly("jpeg", "png");
        for (DemoImage image : images) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
            assertThat(decoded.getWidth()).isEqualTo(image.width()).isBetween(160, 320);
            assertThat(decoded.getHeight()).isEqualTo(image.height()).isBetween(160, 320);
            String magic = image.format().equals("png") ? "\u0089PNG" : "\u00ff\u00d8";
            assertThat(new String(image.bytes(), 0, magic.length(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo(magic);
        }
    }

    @Test
    void shouldCoverEveryColourAndShape() {
        Set<DemoColour> colours = EnumSet.noneOf(DemoColour.class);
        Set<DemoShape> shapes = EnumSet.noneOf(DemoShape.class);
        for (DemoImage image : ShapeImages.generate(150, 1)) {
            colours.add(image.demoColour());
            shapes.add(image.demoShape());
        }

        assertThat(colours).containsExactlyInAnyOrder(DemoColour.values());
        assertThat(shapes).containsExactlyInAnyOrder(DemoShape.values());
    }

    @Test
    void shouldKeepTheShapeInsideTheCentreSquareOnAPlainBackground() throws IOException {
        for (DemoImage image : ShapeImages.generate(30, 3)) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
            int side = Math.min(image.width(), image.height());
            int left = (image.width() - side) / 2;
            int top = (image.height() - side) / 2;
            int corner = decoded.getRGB(left, top);
            int far = 0;
            int last = side - 1;
            for (int i = 0; i < side; i++) {
                far += distance(decoded.getRGB(left + i, top), corner) > 90 ? 1 : 0;
                far += distance(decoded.getRGB(left + i, top + last), corner) > 90 ? 1 : 0;
                far += distance(decoded.getRGB(left, top + i), corner) > 90 ? 1 : 0;
                far += distance(decoded.getRGB(left + last, top + i), corner) > 90 ? 1 : 0;
            }
            assertThat(far)
                    .as("centre-square border pixels far from the background, %s", image.shape())
                    .isZero();
        }
    }

    @Test
    void shouldNameTheColourAndShapeInMatchedCaptionsAndSomethingElseInMismatchedOnes() {
        Random random = new Random(11);
        for (DemoImage image : ShapeImages.generate(80, 9)) {
            String matched = ShapeImages.matchedCaption(image, random);
            String mismatched = ShapeImages.mismatchedCaption(image, random);

            assertThat(mentions(matched, image.demoColour().variants()))
                    .as(matched)
                    .isTrue();
            assertThat(mentions(matched, image.demoShape().variants()))
                    .as(matched)
                    .isTrue();
            assertThat(mentions(mismatched, image.demoColour().variants())
                            && mentions(mismatched, image.demoShape().variants()))
                    .as("%s for a %s %s", mismatched, image.colour(), image.shape())
                    .isFalse();
        }
    }

    @Test
    void shouldVaryTheWordingOfCaptions() {
        DemoImage image = ShapeImages.generate(1, 2).getFirst();
        Random random = new Random(3);
        Set<String> captions = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            captions.add(ShapeImages.matchedCaption(image, random));
        }

        assertThat(captions).hasSizeGreaterThan(15);
    }

    private static boolean mentions(String caption, List<String> variants) {
        String lower = caption.toLowerCase(java.util.Locale.ROOT);
        return variants.stream().anyMatch(v -> Pattern.compile("\\b" + Pattern.quote(v) + "\\b")
                .matcher(lower)
                .find());
    }

    private static int distance(int a, int b) {
        return Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF))
                + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF))
                + Math.abs((a & 0xFF) - (b & 0xFF));
    }
}
