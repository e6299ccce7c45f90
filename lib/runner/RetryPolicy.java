package conform.runner;

import conform.config.Setting;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed test again, and how long to wait: full-jitter exponential backoff
 * ({@code random × min(base × 2^attempt, cap)}), or the delay the provider asked for when it said one.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration cap, DoubleSupplier random) {

    /** The longest wait; also the largest retry-base-delay one may set. */
    public static final Duration CAP = Duration.ofSeconds(Setting.RETRY_BASE_DELAY.maximum);

    public static RetryPolicy of(int maxRetries, Duration baseDelay) {
        return new RetryPolicy(maxRetries, baseDelay, CAP, Math::random);
    }

    /** The wait before retry number {@code retry} (0 for the first retry); {@code retryAfter} wins when given. */
    public Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null) return retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
        double ceiling = Math.min(baseDelay.toMillis() * Math.pow(2, retry), cap.toMillis());
        return Duration.ofMillis(Math.round(random.getAsDouble() * ceiling));
    }
}
