package dev.refinery.rewriter.vlm;

/** How one chat-completions call ended, after its retries. */
sealed interface ChatOutcome {
    /** A 2xx answer; {@code body} is the whole response body. */
    record Answer(String body) implements ChatOutcome {}

    /**
     * No usable answer.
     *
     * @param reason one of {@link VlmReasons}
     * @param backendFault whether it counts against the backend's health (the circuit breaker)
     */
    record Failure(String reason, String message, boolean backendFault) implements ChatOutcome {}
}
