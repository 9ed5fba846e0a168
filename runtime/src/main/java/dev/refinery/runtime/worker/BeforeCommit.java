package dev.refinery.runtime.worker;

import dev.refinery.runtime.lifecycle.TestHang;

/** Test hook: runs after a batch's records and offsets are sent, before the commit. */
@FunctionalInterface
public interface BeforeCommit {
    void run(int batchNumber);

    /**
     * Fault injection for exactly-once tests only: hangs forever before the commit of batch {@code batch} (1-based), so
     * a test can kill the process in the middle of a transaction. Null (no hook) when {@code batch < 0}.
     */
    static BeforeCommit hangingAt(int batch) {
        if (batch < 0) {
            return null;
        }
        return n -> {
            if (n == batch) {
                TestHang.forever("before the commit of batch " + n);
            }
        };
    }
}
