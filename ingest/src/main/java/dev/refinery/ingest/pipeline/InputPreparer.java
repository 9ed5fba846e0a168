package dev.refinery.ingest.pipeline;

import dev.refinery.ingest.dedup.DedupStore;
import dev.refinery.ingest.dedup.MarkerKind;
import dev.refinery.ingest.download.UrlDownloader;
import dev.refinery.ingest.validate.CaptionNormalizer;
import dev.refinery.ingest.validate.ImageInfo;
import dev.refinery.ingest.validate.ImageInspector;
import dev.refinery.ingest.validate.PairIds;
import dev.refinery.ingest.validate.RejectedInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Downloads (when needed), validates and identifies one candidate. Thread-safe; runs many at once. */
final class InputPreparer {
    private final ImageInspector inspector;
    private final CaptionNormalizer captions;
    private final UrlDownloader downloader;
    private final DedupStore dedup;

    InputPreparer(ImageInspector inspector, CaptionNormalizer captions, UrlDownloader downloader, DedupStore dedup) {
        this.inspector = inspector;
        this.captions = captions;
        this.downloader = downloader;
        this.dedup = dedup;
    }

    Prepared prepare(Candidate c) throws InterruptedException {
        String inputKey = inputKey(c);
        if (c.parseError() != null) {
            return Prepared.rejected(c, inputKey, c.parseError());
        }
        if (c.needsDownload() && dedup.seen(MarkerKind.INPUT, inputKey)) {
            return Prepared.skip(c, inputKey);
        }
        try {
            byte[] bytes = c.needsDownload() ? download(c) : c.imageBytes();
            ImageInfo info = inspector.inspect(bytes);
            String caption =
                    c.captionBytes() != null ? captions.normalize(c.captionBytes()) : captions.normalize(c.caption());
            String imageId = PairIds.imageId(bytes);
            return Prepared.valid(c, inputKey, bytes, info, caption, imageId, PairIds.pairId(imageId, caption));
        } catch (RejectedInputException e) {
            return Prepared.rejected(c, inputKey, e);
        }
    }

    private byte[] download(Candidate c) throws RejectedInputException, InterruptedException {
        if (downloader == null) {
            throw new RejectedInputException("download.disabled", "this ingest path does not download URLs");
        }
        return downloader.fetch(c.imageUrl()).bytes();
    }

    /**
     * Identity of the source record: SHA-256 over the image (its bytes' hash, or its URL when not downloaded yet) and
     * the raw caption, so the same record submitted again maps to the same key before any download.
     */
    static String inputKey(Candidate c) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (c.parseError() != null) {
                sha.update(("unparsable:" + c.origin() + "\n").getBytes(StandardCharsets.UTF_8));
                sha.update(c.rawInput() == null ? new byte[0] : c.rawInput());
            } else if (c.needsDownload()) {
                sha.update(("url:" + c.imageUrl()).getBytes(StandardCharsets.UTF_8));
            } else {
                sha.update(MessageDigest.getInstance("SHA-256").digest(c.imageBytes()));
            }
            sha.update((byte) '\n');
            if (c.captionBytes() != null) {
                sha.update(c.captionBytes());
            } else if (c.caption() != null) {
                sha.update(c.caption().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
