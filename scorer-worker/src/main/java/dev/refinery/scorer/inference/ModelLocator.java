package dev.refinery.scorer.inference;

import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.scorer.model.TinyClipModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the model folder to load: a local folder as given; an {@code s3://bucket/prefix/} copied once into the cache
 * (the operator's own storage, not a hub); or, when nothing is configured, the embedded tiny CLIP that the project
 * builds itself (no download ever).
 */
public final class ModelLocator {
    private static final Logger log = LoggerFactory.getLogger(ModelLocator.class);

    private ModelLocator() {}

    public static Path resolve(Optional<String> model, Path cache, ObjectStore objects) throws IOException {
        if (model.isEmpty()) {
            Path dir = cache.resolve("refinery-tiny-clip");
            if (!Files.exists(dir.resolve("model.onnx"))) {
                Files.createDirectories(dir);
                TinyClipModel.write(dir);
                log.info("Built the embedded tiny CLIP model into {}", dir);
            }
            return dir;
        }
        return resolveFolder(model.get(), "REFINERY_SCORER_MODEL", cache, objects);
    }

    /**
     * A local folder as given, or every object under an {@code s3://bucket/prefix/} (sub-folders and external
     * weight files such as {@code model.onnx_data} included) streamed once into a folder of {@code cache} named after
     * the prefix. Each file is written to a {@code .part} file and moved into place, so a copy cut short resumes
     * with the files it lacks. {@code key} names the setting in error messages; {@code objects} is only used for S3.
     */
    public static Path resolveFolder(String location, String key, Path cache, ObjectStore objects) throws IOException {
        if (!location.startsWith("s3://")) {
            Path dir = Path.of(location);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(key + " " + dir + " is not a folder");
            }
            return dir;
        }
        String prefix = location.endsWith("/") ? location : location + "/";
        String bucket = prefix.substring(5, prefix.indexOf('/', 5));
        String keyPrefix = prefix.substring(prefix.indexOf('/', 5) + 1);
        Path dir = cache.resolve(prefix.substring(5).replaceAll("[^A-Za-z0-9._-]", "_"));
        List<String> keys = objects.listUri(prefix);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(key + " " + location + " holds no objects");
        }
        for (String objectKey : keys) {
            String relative = objectKey.substring(keyPrefix.length());
            Path target = dir.resolve(relative).normalize();
            if (relative.isEmpty() || relative.endsWith("/") || !target.startsWith(dir) || Files.exists(target)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(target.getFileName() + ".part");
            Files.deleteIfExists(part);
            objects.downloadUri("s3://" + bucket + "/" + objectKey, part);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("Copied s3://{}/{} ({} bytes) into {}", bucket, objectKey, Files.size(target), dir);
        }
        return dir;
    }
}
