package dev.refinery.scorer.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.refinery.scorer.model.TinyClipModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs only with the CUDA build ({@code -Pgpu}) on a machine with a GPU; skips elsewhere. */
@Tag("gpu")
class OnnxClipModelGpuTest {

    @Test
    void shouldComputeTheSameEmbeddingsOnTheGpuAsOnTheCpu(@TempDir Path dir) throws Exception {
        assumeTrue(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "no CUDA execution provider");
        TinyClipModel.write(dir);
        try (OnnxClipModel gpu = OnnxClipModel.load(dir, GpuMode.REQUIRED, 0, 0);
                OnnxClipModel cpu = OnnxClipModel.load(dir, GpuMode.OFF, 0, 0)) {
            int side = (int) Math.round(Math.sqrt(cpu.preprocessor().tensorLength() / 3.0));
            float[] pixels = new float[4 * 3 * side * side];
            Random r = new Random(7);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) r.nextGaussian();
            }
            List<String> captions = List.of("a red circle", "a blue square", "a green triangle", "photo");

            Embeddings onGpu = gpu.embed(pixels, 4, captions);
            Embeddings onCpu = cpu.embed(pixels, 4, captions);

            assertThat(gpu.onGpu()).isTrue();
            for (int i = 0; i < 4; i++) {
                assertThat(onGpu.cosine(i, i)).isCloseTo(onCpu.cosine(i, i), org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }
}
