package dev.refinery.scorer.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates ONNX Runtime sessions on CUDA or CPU according to the {@link GpuMode}. */
final class OrtSessions {
    private static final Logger log = LoggerFactory.getLogger(OrtSessions.class);

    /** A session and whether it runs on the CUDA execution provider. */
    record Created(OrtSession session, boolean gpu) {}

    private OrtSessions() {}

    static Created open(OrtEnvironment env, Path model, GpuMode mode, int gpuDevice, int intraOpThreads)
            throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            boolean gpu = mode != GpuMode.OFF && enableCuda(options, mode, gpuDevice);
            return new Created(env.createSession(model.toString(), options), gpu);
        }
    }

    private static boolean enableCuda(OrtSession.SessionOptions options, GpuMode mode, int device) {
        String why;
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            why = "this ONNX Runtime build has no CUDA execution provider (use the -Pgpu build)";
        } else {
            try {
                options.addCUDA(device);
                log.info("Scoring on GPU: CUDA execution provider, device {}", device);
                return true;
            } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                why = "the CUDA execution provider failed to load: " + e.getMessage();
            }
        }
        if (mode == GpuMode.REQUIRED) {
            throw new IllegalStateException("REFINERY_SCORER_GPU=required but " + why);
        }
        log.warn("GPU preferred but unavailable, scoring on CPU: {}", why);
        return false;
    }
}
