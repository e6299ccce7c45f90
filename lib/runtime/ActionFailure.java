package conform.runtime;

import java.time.Duration;

/**
 * A model action that did not produce a result. {@link Kind} says whether a retry can help; the message is
 * what the runtime or transport said, ready for the user.
 */
public class ActionFailure extends Exception {

    public enum Kind {
        /** The action or model does not exist in the runtime: retrying cannot help. */
        NOT_FOUND(false),
        /** The request was rejected as invalid (bad input, schema): retrying cannot help. */
        INVALID_REQUEST(false),
        /** The action ran and failed (a provider error, an exception in the plugin). */
        ACTION_ERROR(true),
        /** The runtime answered with an HTTP error status. */
        HTTP_ERROR(true),
        /** No answer: connection refused or reset, or the runtime died. */
        TRANSPORT(true),
        /** No complete answer within the action timeout (including a stream that stalls). */
        TIMEOUT(true),
        /** An answer that is not the reflection API's framing. */
        PROTOCOL(false);

        public final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public ActionFailure(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The delay the provider asked for (HTTP Retry-After, or a retry delay in the error), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
