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
    private static final List<String> FILES = List.of(
            "config.json",
            "preprocessor_config.json",
            "tokenizer.json",
            "model.onnx",
            "vision_model.onnx",
            "text_model.onnx",
            "special_tokens_map.json",
            "tokenizer_config.json");

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
        String location = model.get();
        if (!location.startsWith("s3://")) {
            Path dir = Path.of(location);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("REFINERY_SCORER_MODEL " + dir + " is not a folder");
            }
            return dir;
        }
        String prefix = location.endsWith("/") ? location : location + "/";
        Path dir = cache.resolve(prefix.substring(5).replaceAll("[^A-Za-z0-9._-]", "_"));
        Files.createDirectories(dir);
        for (String file : FILES) {
            Path target = dir.resolve(file);
            if (Files.exists(target)) {
                continue;
            }
            try {
                byte[] bytes = objects.getUri(prefix + file);
                Path tmp = Files.write(dir.resolve(file + ".part"), bytes);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                log.info("Copied {}{} ({} bytes) into {}", prefix, file, bytes.length, dir);
            } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException optional) {
                // not every layout has every file (combined vs separate towers)
            }
        }
        return dir;
    }
}
