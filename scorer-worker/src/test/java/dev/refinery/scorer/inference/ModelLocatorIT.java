package dev.refinery.scorer.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.scorer.model.TinyCausalLmModel;
import dev.refinery.scorer.model.TinyClipModel;
import dev.refinery.scorer.signal.PerplexitySignal;
import dev.refinery.scorer.signal.SignalInput;
import dev.refinery.testkit.Infra;
import dev.refinery.testkit.RefineryInfraExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RefineryInfraExtension.class)
class ModelLocatorIT {

    @Test
    void shouldCopyAModelFromAnS3PrefixOnceAndLoadIt(Infra infra, @TempDir Path dir) throws Exception {
        var platform = TestPlatforms.create(infra);
        Path exported = dir.resolve("export");
        TinyClipModel.write(exported);
        try (ObjectStore store = ObjectStore.create(platform.s3())) {
            store.ensureBucket();
            try (var files = Files.list(exported)) {
                for (Path f : files.toList()) {
                    store.put("models/tiny/" + f.getFileName(), Files.readAllBytes(f), "application/octet-stream");
                }
            }
            String prefix = "s3://" + platform.s3().bucket() + "/models/tiny/";

            Path local = ModelLocator.resolve(Optional.of(prefix), dir.resolve("cache"), store);
            Path again = ModelLocator.resolve(Optional.of(prefix), dir.resolve("cache"), store);

            assertThat(again).isEqualTo(local);
            assertThat(local.resolve("model.onnx")).hasSameBinaryContentAs(exported.resolve("model.onnx"));
            try (OnnxClipModel model = OnnxClipModel.load(local, GpuMode.OFF, 0, 1)) {
                float[] pixels = new float[model.preprocessor().tensorLength()];
                var e = model.embed(pixels, 1, List.of("a red circle"));
                assertThat(model.id()).startsWith(TinyClipModel.NAME + "@");
                assertThat(e.images()[0]).hasSize(model.dimension());
            }
        }
    }

    @Test
    void shouldCopyEveryObjectOfAPerplexityModelPrefixResumeAMissingFileAndLoadIt(Infra infra, @TempDir Path dir)
            throws Exception {
        var platform = TestPlatforms.create(infra);
        Path exported = dir.resolve("lm");
        TinyCausalLmModel.write(exported);
        try (ObjectStore store = ObjectStore.create(platform.s3())) {
            store.ensureBucket();
            try (var files = Files.list(exported)) {
                for (Path f : files.toList()) {
                    store.put("models/lm/" + f.getFileName(), Files.readAllBytes(f), "application/octet-stream");
                }
            }
            store.put("models/lm/onnx/model.onnx_data", new byte[] {1, 2, 3}, "application/octet-stream");
            String prefix = "s3://" + platform.s3().bucket() + "/models/lm";
            Path cache = dir.resolve("cache");

            Path local = ModelLocator.resolveFolder(prefix, "REFINERY_SCORER_PERPLEXITY_MODEL", cache, store);
            assertThat(local.resolve("model.onnx")).hasSameBinaryContentAs(exported.resolve("model.onnx"));
            assertThat(local.resolve("onnx/model.onnx_data")).hasBinaryContent(new byte[] {1, 2, 3});
            Files.delete(local.resolve("tokenizer.json"));
            assertThat(ModelLocator.resolveFolder(prefix, "REFINERY_SCORER_PERPLEXITY_MODEL", cache, store))
                    .isEqualTo(local);
            assertThat(local.resolve("tokenizer.json")).hasSameBinaryContentAs(exported.resolve("tokenizer.json"));
            try (var files = Files.walk(local)) {
                assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".part"));
            }

            try (PerplexitySignal signal = PerplexitySignal.load(local, GpuMode.OFF, 0, 1)) {
                var out = signal.compute(
                        new SignalInput("a red circle on a white background", 64, 64, 1000L, null, null));
                assertThat(out.get(0).getValue()).isPositive();
            }
            assertThatThrownBy(() -> ModelLocator.resolveFolder(
                            "s3://" + platform.s3().bucket() + "/models/none/",
                            "REFINERY_SCORER_PERPLEXITY_MODEL",
                            cache,
                            store))
                    .hasMessageContaining("holds no objects");
        }
    }
}
