package conform.runner;

import conform.config.TestId;
import conform.plan.ResolvedSettings;
import conform.spec.TestCase;

/**
 * A test to run: where it is in its plugin run, what it is, and its model's settings.
 *
 * @param known recorded in [[conform.known-failures]]: one attempt tells whether it still fails, so no retries
 */
record Job(int index, TestId id, TestCase test, ResolvedSettings settings, boolean known) {

    RetryPolicy retryPolicy() {
        return RetryPolicy.of(known ? 0 : settings.maxRetries(), settings.retryBaseDelay());
    }
}
