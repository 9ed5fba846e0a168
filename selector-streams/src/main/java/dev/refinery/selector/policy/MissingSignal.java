package dev.refinery.selector.policy;

import java.util.Locale;

/**
 * What the ranking does when a pair lacks a signal it weighs (absent, null or NaN). Policy key {@code
 * missing_signal}, default {@code reject}: an explicit rejection with reason {@code missing_signal:<name>} is
 * visible in decisions and metrics, while a silent zero would quietly rank such pairs last (or first, for {@code
 * lowest}).
 */
public enum MissingSignal {
    /** Reject the pair with reason {@code missing_signal:<name>}. */
    REJECT,
    /** Treat the missing value as 0 (it is then left out of the Decision's scores). */
    ZERO;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MissingSignal parse(String code) {
        for (MissingSignal m : values()) {
            if (m.code().equals(code)) {
                return m;
            }
        }
        throw new InvalidPolicyException("missing_signal must be reject or zero, not " + code);
    }
}
