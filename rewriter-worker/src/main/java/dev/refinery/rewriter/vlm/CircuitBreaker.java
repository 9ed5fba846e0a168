package dev.refinery.rewriter.vlm;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consecutive-failure circuit breaker. CLOSED lets every call through and opens after {@code failureThreshold}
 * consecutive failures; OPEN refuses calls for {@code openDuration}; then HALF_OPEN lets one trial call through, whose
 * success closes the circuit and whose failure opens it again. Thread-safe; the clock is injectable for tests.
 */
public final class CircuitBreaker {
    private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

    /** Circuit states; {@link #ordinal()} is the value of a metrics gauge (0 closed, 1 open, 2 half-open). */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final String name;
    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;
    private long openings;

    /**
     * @param name for log lines
     * @param failureThreshold consecutive failures that open the circuit, at least 1
     * @param openDuration how long the circuit stays open before a trial call
     * @param nanoClock monotonic nanoseconds, {@code System::nanoTime} outside tests
     */
    public CircuitBreaker(String name, int failureThreshold, Duration openDuration, LongSupplier nanoClock) {
        if (failureThreshold < 1 || openDuration.isNegative()) {
            throw new IllegalArgumentException("failureThreshold must be >= 1 and openDuration >= 0");
        }
        this.name = name;
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether a call may go ahead now; every permitted call must end in one of the {@code on...} methods. */
    public synchronized boolean tryAcquire() {
        return switch (currentState()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    /** The backend answered. Closes a half-open circuit. */
    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        if (currentState() == State.HALF_OPEN) {
            trialInFlight = false;
            state = State.CLOSED;
            log.info("Circuit {} closed: trial call succeeded", name);
        }
    }

    /** The backend failed (after retries). Opens the circuit at the threshold, or again from half-open. */
    public synchronized void onFailure() {
        State now = currentState();
        if (now == State.HALF_OPEN) {
            open("trial call failed");
        } else if (now == State.CLOSED && ++consecutiveFailures >= failureThreshold) {
            open(consecutiveFailures + " consecutive failures");
        }
    }

    /** The call ended without saying anything about the backend (no request made, interrupted, ...). */
    public synchronized void onNeutral() {
        if (currentState() == State.HALF_OPEN) {
            trialInFlight = false;
        }
    }

    /** The state now; an open circuit whose open duration is over reads as half-open. */
    public synchronized State state() {
        return currentState();
    }

    /** How many times the circuit has opened, for a metrics counter. */
    public synchronized long openings() {
        return openings;
    }

    private State currentState() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return state;
    }

    private void open(String why) {
        state = State.OPEN;
        openedAt = nanoClock.getAsLong();
        consecutiveFailures = 0;
        trialInFlight = false;
        openings++;
        log.warn("Circuit {} opened for {} ms: {}", name, openNanos / 1_000_000, why);
    }
}
