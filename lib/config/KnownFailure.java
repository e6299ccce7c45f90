package conform.config;

/**
 * A failure that is the plugin's own, recorded so a run can be green while it stays honest
 * ({@code [[conform.known-failures]]}). A matching failure is reported as an expected failure; a matching test
 * that passes fails the run as stale, so the list never outlives the bugs it records.
 *
 * @param runtime a runtime name, or null for every runtime
 * @param model   a glob over model names ({@code *} for any)
 * @param test    a glob over test names
 */
public record KnownFailure(String plugin, String runtime, String model, String test, String reason) {

    public boolean matches(TestId id) {
        return plugin.equals(id.plugin())
                && (runtime == null || runtime.equals(id.runtime()))
                && Glob.matches(model, id.model())
                && Glob.matches(test, id.test());
    }
}
