package conform.runner;

import conform.runtime.ActionResult;
import conform.spec.TestCase;

/**
 * Whether a model's answer passes its test. The runner calls it after every model call and retries what it
 * rejects; the validate package implements it with the validators, so the runner knows none of them.
 */
@FunctionalInterface
public interface ResponseCheck {

    /** Why {@code answer} fails {@code test}, ready for the user; null when it passes. */
    String failure(TestCase test, ActionResult answer);
}
