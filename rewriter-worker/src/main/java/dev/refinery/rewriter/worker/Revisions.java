package dev.refinery.rewriter.worker;

import dev.refinery.schemas.Provenance;
import dev.refinery.schemas.RawPair;
import dev.refinery.schemas.Source;
import dev.refinery.schemas.SourceKind;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Builds revision 1 of a pair: the new caption, the same pair id and image, and the lineage of the rewrite. */
final class Revisions {
    /** Metadata key set on a published rewrite whose edit ratio exceeded the ceiling (policy {@code flag}). */
    static final String FLAG_KEY = "refinery.rewrite.flag";

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200D]]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Revisions() {}

    /** NFC, control and format characters removed (ZWJ kept for emoji), whitespace collapsed: like ingest does. */
    static String normalise(String caption) {
        String nfc = Normalizer.normalize(caption, Normalizer.Form.NFC);
        return SPACES.matcher(CONTROL.matcher(nfc).replaceAll(" "))
                .replaceAll(" ")
                .strip();
    }

    static RawPair revision1(
            RawPair original,
            String caption,
            String strategy,
            String model,
            String promptVersion,
            double editRatio,
            String instanceId,
            String flag,
            Instant now) {
        Map<String, String> metadata = new HashMap<>(original.getMetadata());
        if (flag != null) {
            metadata.put(FLAG_KEY, flag);
        }
        Source source = Source.newBuilder(original.getSource())
                .setKind(SourceKind.REWRITER)
                .setName(instanceId)
                .build();
        return RawPair.newBuilder(original)
                .setRevision(1)
                .setCaption(caption)
                .setSource(source)
                .setMetadata(metadata)
                .setProvenance(Provenance.newBuilder()
                        .setOriginalCaption(original.getCaption())
                        .setStrategy(strategy)
                        .setModel(model)
                        .setPromptVersion(promptVersion)
                        .setEditRatio(editRatio)
                        .setRewrittenAt(now)
                        .build())
                .build();
    }
}
