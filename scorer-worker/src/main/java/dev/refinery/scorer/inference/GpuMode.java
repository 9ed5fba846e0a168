package dev.refinery.scorer.inference;

import java.util.Locale;

/** Whether the scorer uses the CUDA execution provider ({@code REFINERY_SCORER_GPU}). */
public enum GpuMode {
    /** CUDA or fail at start-up. */
    REQUIRED,
    /** CUDA when available, else CPU with one clear log line. */
    PREFERRED,
    /** CPU only. */
    OFF;

    public static GpuMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "REFINERY_SCORER_GPU must be required, preferred or off, got " + value, e);
        }
    }
}
