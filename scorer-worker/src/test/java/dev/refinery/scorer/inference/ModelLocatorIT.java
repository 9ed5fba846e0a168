package dev.refinery.scorer.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.runtime.TestPlatforms;
import dev.refinery.runtime.s3.ObjectStore;
import dev.refinery.scorer.model.TinyClipModel;
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
}
