package dev.refinery.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.scorer.demo.DemoColour;
import dev.refinery.scorer.demo.DemoImage;
import dev.refinery.scorer.demo.DemoShape;
import dev.refinery.scorer.demo.ShapeImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tiny CLIP is meaningful on the demo crawl: matched captions score clearly above mismatched ones. */
class TinyClipAucTest {
    private static final Logger log = LoggerFactory.getLogger(TinyClipAucTest.class);
    private static final int IMAGES = 300;
    private static final long SEED = 20_251_125L;

    @TempDir
    static Path dir;

    private static TinyClipSession clip;
    private static List<DemoImage> images;
    private static float[] pixels;

    @BeforeAll
    static void writeModelAndPreprocessCrawl() throws Exception {
        TinyClipModel.write(dir);
        clip = new TinyClipSession(dir);
        images = ShapeImages.generate(IMAGES, SEED);
        pixels = ClipPixels.batch(images.stream().map(DemoImage::bytes).toList(), TinyClipModel.IMAGE_SIZE);
    }

    @AfterAll
    static void close() throws Exception {
        clip.close();
    }

    @Test
    void shouldScoreMatchedCaptionsClearlyAboveMismatchedOnes() throws Exception {
        Random random = new Random(SEED);
        List<String> captions = new ArrayList<>();
        for (DemoImage image : images) {
            captions.add(ShapeImages.matchedCaption(image, random));
            captions.add(ShapeImages.mismatchedCaption(image, random));
        }
        TinyClipSession.Outputs out = clip.run(pixels, IMAGES, captions);
        double[] matched = new double[IMAGES];
        double[] mismatched = new double[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            matched[i] = TinyClipSession.dot(out.imageEmbeds()[i], out.textEmbeds()[2 * i]);
            mismatched[i] = TinyClipSession.dot(out.imageEmbeds()[i], out.textEmbeds()[2 * i + 1]);
        }

        double auc = auc(matched, mismatched);
        log.info(
                "Tiny CLIP on {} demo images: ROC AUC {} (matched median cosine {}, mismatched median {})",
                IMAGES,
                String.format("%.4f", auc),
                String.format("%.3f", median(matched)),
                String.format("%.3f", median(mismatched)));
        assertThat(auc).as("ROC AUC of matched vs mismatched captions").isGreaterThanOrEqualTo(0.95);
        assertThat(median(matched)).as("median matched cosine").isGreaterThan(0.8);
        assertThat(median(mismatched)).as("median mismatched cosine").isLessThan(0.2);
    }

    @Test
    void shouldRankTheImagesOwnColourAndShapeFirstAmongAllDescriptions() throws Exception {
        List<String> prompts = new ArrayList<>();
        for (DemoColour colour : DemoColour.values()) {
            for (DemoShape shape : DemoShape.values()) {
                prompts.add(colour.word() + " " + shape.word());
            }
        }
        TinyClipSession.Outputs out = clip.run(pixels, IMAGES, prompts);
        int correct = 0;
        for (int i = 0; i < IMAGES; i++) {
            float[] logits = out.logitsPerImage()[i];
            int best = 0;
            for (int j = 1; j < logits.length; j++) {
                best = logits[j] > logits[best] ? j : best;
            }
            String truth = images.get(i).colour() + " " + images.get(i).shape();
            correct += prompts.get(best).equals(truth) ? 1 : 0;
        }

        double accuracy = (double) correct / IMAGES;
        log.info("Tiny CLIP zero-shot accuracy over {} colour-shape prompts: {}", prompts.size(), accuracy);
        assertThat(accuracy).as("zero-shot accuracy").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldScoreCaptionsWithoutColourOrShapeWordsBelowTheTypicalMatchedCaption() throws Exception {
        List<String> captions = List.of(
                "a photo of a thing on a plain background",
                "click here to download the image",
                "un cercle rouge sur fond blanc",
                "IMG_2041.JPG",
                "");
        Random random = new Random(SEED);
        List<String> all = new ArrayList<>(captions);
        int count = 60;
        for (int i = 0; i < count; i++) {
            all.add(ShapeImages.matchedCaption(images.get(i), random));
        }
        int side = TinyClipModel.IMAGE_SIZE;
        TinyClipSession.Outputs out = clip.run(Arrays.copyOf(pixels, count * 3 * side * side), count, all);

        double[] matched = new double[count];
        for (int i = 0; i < count; i++) {
            matched[i] = TinyClipSession.dot(out.imageEmbeds()[i], out.textEmbeds()[captions.size() + i]);
        }
        double typical = median(matched);
        for (int c = 0; c < captions.size(); c++) {
            for (int i = 0; i < count; i++) {
                assertThat(TinyClipSession.dot(out.imageEmbeds()[i], out.textEmbeds()[c]))
                        .as("cosine of image %d and \"%s\" (typical matched %.3f)", i, captions.get(c), typical)
                        .isLessThan(0.2)
                        .isLessThan(typical - 0.5);
            }
        }
    }

    /** ROC AUC as the Mann-Whitney statistic: P(matched > mismatched) + P(tie) / 2. */
    static double auc(double[] positives, double[] negatives) {
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) positives.length * negatives.length);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
