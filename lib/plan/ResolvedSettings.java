package conform.plan;

import conform.config.Setting;
import conform.config.SettingLayer;
import java.time.Duration;

/**
 * What one plugin run, or one model within it, runs with: every setting resolved through the layers
 * (CLI flag > model override > plugin override > [conform] > default) once, when the plan is made.
 */
public record ResolvedSettings(
        int testConcurrency,
        int maxRetries,
        Duration retryBaseDelay,
        Duration actionTimeout,
        Duration healthTimeout,
        Duration startupTimeout) {

    static ResolvedSettings of(SettingLayer stack) {
        return new ResolvedSettings(
                stack.value(Setting.TEST_CONCURRENCY).intValue(),
                stack.value(Setting.MAX_RETRIES).intValue(),
                duration(stack, Setting.RETRY_BASE_DELAY),
                duration(stack, Setting.ACTION_TIMEOUT),
                duration(stack, Setting.HEALTH_TIMEOUT),
                duration(stack, Setting.STARTUP_TIMEOUT));
    }

    private static Duration duration(SettingLayer stack, Setting setting) {
        return Duration.ofMillis(Math.round(stack.value(setting).doubleValue() * 1000));
    }
}
