package dev.refinery.selector.policy;

/** A selection policy document that cannot be parsed or fails validation; the message names the offending field. */
public class InvalidPolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidPolicyException(String message) {
        super(message);
    }

    public InvalidPolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
