package dev.refinery.scorer.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The preprocessor under concurrent use and with the default (subsampling) decoder. */
class ClipPreprocessorConcurrencyTest {
    private static final ImageDecoder EXACT = TestConfigs.EXACT;

    @Test
    void concurrentCallsGiveTheSequentialResults() throws Exception {
        ClipPreprocessor p = new ClipPreprocessor(PreprocessorConfig.clipDefaults(64));
        List<byte[]> images = new ArrayList<>();
        List<float[]> sequential = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            images.add(TestImages.jpeg(TestImages.pattern(150 + 7 * i, 130 + 3 * i), 0.85f, i % 2 == 0));
            sequential.add(p.preprocess(images.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (byte[] image : images) {
                    results.add(pool.submit(() -> p.preprocess(image)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).containsExactly(sequential.get(i % images.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void subsampledDecodeStaysCloseToTheExactPipeline() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.pattern(640, 480), 0.9f, false);
        float[] exact = new ClipPreprocessor(PreprocessorConfig.clipDefaults(224), EXACT).preprocess(jpeg);
        float[] fast = new ClipPreprocessor(PreprocessorConfig.clipDefaults(224)).preprocess(jpeg);
        double diff = 0;
        for (int i = 0; i < exact.length; i++) {
            diff += Math.abs(exact[i] - fast[i]);
        }
        assertThat(diff / exact.length).isLessThan(0.1);
    }
}
