package dev.refinery.scorer.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.refinery.scorer.model.TinyClipModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class GpuFallbackTest {

    @Test
    void shouldFallBackToCpuWithOneClearLogLineWhenGpuIsPreferredButMissing(@TempDir Path dir) throws Exception {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "this build has CUDA");
        TinyClipModel.write(dir);
        Logger logger = (Logger) LoggerFactory.getLogger(OrtSessions.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (OnnxClipModel model = OnnxClipModel.load(dir, GpuMode.PREFERRED, 0, 1)) {
            assertThat(model.onGpu()).isFalse();
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list)
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .startsWith("GPU preferred but unavailable, scoring on CPU:")
                        .contains("no CUDA execution provider"));
    }

    @Test
    void shouldRefuseToStartWhenGpuIsRequiredButMissing(@TempDir Path dir) throws Exception {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "this build has CUDA");
        TinyClipModel.write(dir);

        assertThatThrownBy(() -> OnnxClipModel.load(dir, GpuMode.REQUIRED, 0, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("REFINERY_SCORER_GPU=required but");
    }
}
