package dev.refinery.cli.demo;

import dev.refinery.ingest.pipeline.Candidate;
import dev.refinery.schemas.SourceKind;
import dev.refinery.scorer.demo.DemoImage;
import dev.refinery.scorer.demo.ShapeImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic crawl of coloured shapes: mostly matching captions, and the web's usual trouble in known proportions
 * (mismatched captions, file names and "click here" with the description only in the page title, other languages,
 * corrupt files, exact duplicates). Deterministic for a seed.
 */
final class DemoCrawl {
    private static final String[] FOREIGN = {
        "ein Bild mit einer Form in Farbe",
        "una figura de color sobre fondo claro",
        "une forme colorée sur fond uni",
        "eine bunte Form auf hellem Hintergrund",
        "imagen de una forma geométrica"
    };
    private static final String[] BOILERPLATE = {"IMG_%04d.JPG", "DSC0%04d.jpg", "click here", "image %d", "photo"};

    private final List<Candidate> candidates = new ArrayList<>();
    private final Map<Truth, Integer> counts = new EnumMap<>(Truth.class);

    private DemoCrawl() {}

    static DemoCrawl generate(int pairs, long seed) {
        DemoCrawl crawl = new DemoCrawl();
        Random random = new Random(seed);
        List<Candidate> originals = new ArrayList<>();
        for (int i = 0; crawl.candidates.size() < pairs; i++) {
            double roll = random.nextDouble();
            if (roll < 0.05 && !originals.isEmpty()) {
                Candidate again = originals.get(random.nextInt(originals.size()));
                crawl.add(
                        Truth.DUPLICATE,
                        Candidate.of(
                                again.imageBytes(),
                                null,
                                null,
                                again.caption(),
                                SourceKind.WEBDATASET,
                                again.sourceName(),
                                String.format(Locale.ROOT, "%08d-again", i),
                                again.pageUrl(),
                                again.metadata(),
                                "demo#" + i + "-again"));
                continue;
            }
            DemoImage image = ShapeImages.image(seed, i);
            String matched = ShapeImages.matchedCaption(image, random);
            Truth truth = roll < 0.10
                    ? Truth.CORRUPT
                    : roll < 0.25
                            ? Truth.MISMATCHED
                            : roll < 0.32 ? Truth.FOREIGN : roll < 0.44 ? Truth.BOILERPLATE : Truth.MATCHED;
            byte[] bytes = truth == Truth.CORRUPT ? corrupt(image.bytes(), random) : image.bytes();
            String caption =
                    switch (truth) {
                        case MISMATCHED -> ShapeImages.mismatchedCaption(image, random);
                        case FOREIGN -> FOREIGN[random.nextInt(FOREIGN.length)];
                        case BOILERPLATE ->
                            String.format(
                                    Locale.ROOT,
                                    BOILERPLATE[random.nextInt(BOILERPLATE.length)],
                                    random.nextInt(10_000));
                        default -> matched;
                    };
            Map<String, String> metadata = Map.of(
                    "title", matched + " | Shapes Blog", Truth.KEY, truth.name().toLowerCase(Locale.ROOT));
            Candidate c = Candidate.of(
                    bytes,
                    null,
                    null,
                    caption,
                    SourceKind.WEBDATASET,
                    "demo-crawl-" + seed + ".tar",
                    String.format(Locale.ROOT, "%08d", i),
                    "https://shapes.example/page/" + i,
                    metadata,
                    "demo#" + i);
            crawl.add(truth, c);
            originals.add(c);
        }
        return crawl;
    }

    private void add(Truth truth, Candidate c) {
        candidates.add(c);
        counts.merge(truth, 1, Integer::sum);
    }

    /** A file that starts like an image and then breaks: truncated, or its body overwritten. */
    private static byte[] corrupt(byte[] image, Random random) {
        if (random.nextBoolean()) {
            return Arrays.copyOf(image, Math.max(32, image.length / 5));
        }
        byte[] broken = image.clone();
        for (int i = 64; i < broken.length; i++) {
            broken[i] = (byte) random.nextInt(256);
        }
        return broken;
    }

    List<Candidate> candidates() {
        return candidates;
    }

    Map<Truth, Integer> counts() {
        return counts;
    }
}
