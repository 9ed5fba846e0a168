package dev.refinery.runtime.lifecycle;

import org.slf4j.LoggerFactory;

/** Fault injection for crash tests only: blocks the calling thread until the process is killed. */
public final class TestHang {
    private TestHang() {}

    /** Logs {@code TEST HOOK: hanging <where>} (tests wait for that line) and sleeps until interrupted. */
    public static void forever(String where) {
        LoggerFactory.getLogger(TestHang.class).warn("TEST HOOK: hanging {}", where);
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
