package conform.validate;

import conform.runner.ResponseCheck;
import conform.runtime.ActionResult;
import conform.spec.TestCase;
import conform.spec.ValidatorRef;

/** A test's validators applied to a model's answer, in spec order; the first that rejects it says why. */
public final class Validation implements ResponseCheck {

    private final ValidatorRegistry validators;

    public Validation(ValidatorRegistry validators) {
        this.validators = validators;
    }

    @Override
    public String failure(TestCase test, ActionResult answer) {
        if (test.stream() && answer.chunks().isEmpty()) return "Streaming requested but no chunks received.";
        ModelResponse response = new ModelResponse(answer.response(), answer.chunks());
        for (ValidatorRef ref : test.validators()) {
            try {
                validators.check(response, ref);
            } catch (ValidationFailure f) {
                return ref + ": " + f.getMessage();
            }
        }
        return null;
    }
}
