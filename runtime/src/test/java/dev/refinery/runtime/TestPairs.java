package dev.refinery.runtime;

import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.ImageRef;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Route;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.schemas.Signal;
import dev.refinery.schemas.Source;
import dev.refinery.schemas.SourceKind;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Realistic events for tests. */
public final class TestPairs {
    private TestPairs() {}

    public static RawPair rawPair(int n) {
        String imageId = String.format("%064x", n);
        return RawPair.newBuilder()
                .setPairId(String.format("%064x", 1_000_000 + n))
                .setImageId(imageId)
                .setRevision(0)
                .setCaption("A red circle on a white background, photo " + n)
                .setImage(ImageRef.newBuilder()
                        .setUri("s3://refinery/images/" + imageId.substring(0, 2) + "/" + imageId)
                        .setSizeBytes(48_213)
                        .setFormat(ImageFormat.JPEG)
                        .setWidth(640)
                        .setHeight(480)
                        .build())
                .setSource(Source.newBuilder()
                        .setKind(SourceKind.HTTP)
                        .setName("crawler-7")
                        .setImageUrl("https://example.org/img/" + n + ".jpg")
                        .setPageUrl("https://example.org/page/" + n)
                        .setRecordKey(null)
                        .build())
                .setIngestedAt(Instant.parse("2026-11-25T09:00:00Z").truncatedTo(ChronoUnit.MILLIS))
                .setImageSeenBefore(false)
                .setMetadata(Map.of("title", "Shapes and colours", "license", "cc-by"))
                .setProvenance(null)
                .build();
    }

    /** A scored pair as the scorer writes it: 512-d float16 embeddings and a dozen signals. */
    public static ScoredPair scoredPair(int n) {
        return ScoredPair.newBuilder()
                .setPair(rawPair(n))
                .setClipScore(0.31)
                .setImageEmbedding(ByteBuffer.wrap(new byte[512 * 2]))
                .setTextEmbedding(ByteBuffer.wrap(new byte[512 * 2]))
                .setSignals(List.of(
                        signal("caption_words", 9),
                        signal("caption_chars", 44),
                        signal("min_side", 480),
                        signal("aspect_ratio", 1.333),
                        signal("image_bytes", 48_213),
                        signal("laion_alt_too_short", 0),
                        signal("laion_image_too_small", 0),
                        signal("boilerplate_caption", 0),
                        signal("aesthetic", 5.1),
                        signal("nsfw", 0.01),
                        new Signal("language", "lingua-1.2", null, "en")))
                .setCluster(null)
                .setRoute(Route.KEEP_CANDIDATE)
                .setRouteReasons(List.of())
                .setRoutingPolicyVersion("routing-v1")
                .setModelId("clip-vit-b32@onnx-1")
                .setScoredAt(Instant.parse("2026-11-25T09:00:01Z"))
                .build();
    }

    private static Signal signal(String name, double value) {
        return new Signal(name, "1", value, null);
    }
}
