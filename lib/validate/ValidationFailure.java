package conform.validate;

/** A response that does not meet a validator's expectation; the message says what was expected and what came. */
public class ValidationFailure extends RuntimeException {

    public ValidationFailure(String message) {
        super(message, null, false, false);
    }
}
