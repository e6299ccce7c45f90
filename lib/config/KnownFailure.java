package conform.config;

import java.util.List;
import java.util.Set;

/**
 * A failure that is the plugin's own, recorded so a run can be green while it stays honest
 * ({@code [[conform.known-failures]]}). A record names its slot (plugin, runtime, model and test) and what it
 * expects there: the statuses it covers and, optionally, the error text. Only a failure that is the recorded one
 * becomes an expected failure; any other failure in the slot keeps its own status, and a test in the slot that
 * passes fails the run as stale, so the list never outlives the bugs it records.
 *
 * @param runtime  a runtime name, or null for every runtime
 * @param model    a glob over model names ({@code *} for any)
 * @param test     a glob over test names
 * @param error    a glob the whole failure message must match ({@code *} matches anything, line breaks too), or null
 *                 for any message
 * @param statuses the statuses it covers: some of {@link #STATUSES}, {@code failed} alone by default
 * @param emulatedOnly a failure only an offline run has (the plugin downloads a URL itself): the record holds under
 *                     --emulate alone, so a run against the real provider neither hides a failure there nor calls a
 *                     pass stale
 */
public record KnownFailure(
        String plugin,
        String runtime,
        String model,
        String test,
        String error,
        Set<String> statuses,
        boolean emulatedOnly,
        String reason) {

    /** The statuses a record may cover: the labels of the failing test verdicts (runner.TestStatus). */
    public static final List<String> STATUSES = List.of("failed", "error", "timeout");

    public static final Set<String> DEFAULT_STATUSES = Set.of("failed");

    /** Whether {@code id} is in this record's slot. */
    public boolean matches(TestId id) {
        return plugin.equals(id.plugin())
                && (runtime == null || runtime.equals(id.runtime()))
                && Glob.matches(model, id.model())
                && Glob.matches(test, id.test());
    }

    /** Whether a failure with {@code status} (a test status label) and {@code message} is the one recorded. */
    public boolean expects(String status, String message) {
        return statuses.contains(status) && (error == null || Glob.matches(error, message == null ? "" : message));
    }

    /** What the record expects, for the note on a failure that is not it: "failed with an error matching `…`". */
    public String expectation() {
        return String.join(" or ", statuses.stream().sorted().toList())
                + (error == null ? "" : " with an error matching `" + error + "`");
    }
}
