package dev.refinery.runtime.worker;

/** Test hook: runs after a batch's records and offsets are sent, before the commit. */
@FunctionalInterface
public interface BeforeCommit {
    void run(int batchNumber);
}
