package conform.config;

import conform.diag.Suggest;
import java.util.List;
import java.util.Set;

/** {@code [[conform.known-failures]]}: the failures a run expects, each checked for what it names. */
final class KnownFailureTable {

    private static final Set<String> KNOWN_FAILURE_KEYS =
            Set.of("plugin", "runtime", "model", "test", "error", "statuses", "emulated-only", "reason");

    private KnownFailureTable() {}

    /** @param runtimes the configured runtimes: a record's `runtime` must name one, or it would never match */
    static List<KnownFailure> read(TomlSource toml, Set<String> runtimes) {
        return toml.tables(
                TomlSource.child(ConfigLoader.ROOT, "known-failures"),
                "a list of tables like {plugin = \"x\", test = \"*\", reason = \"…\"}",
                KNOWN_FAILURE_KEYS,
                at -> {
                    String plugin = toml.string(TomlSource.child(at, "plugin"));
                    String reason = toml.string(TomlSource.child(at, "reason"));
                    if (plugin == null || plugin.isBlank() || reason == null || reason.isBlank()) {
                        throw toml.invalid(
                                at,
                                "a known failure with a `plugin` and a `reason`",
                                toml.table(at).toMap());
                    }
                    String model = toml.string(TomlSource.child(at, "model"));
                    String test = toml.string(TomlSource.child(at, "test"));
                    String runtime = toml.string(TomlSource.child(at, "runtime"));
                    if (runtime != null && !runtimes.contains(runtime)) {
                        throw toml.invalid(
                                TomlSource.child(at, "runtime"),
                                "a configured runtime (" + String.join(", ", runtimes) + ")"
                                        + Suggest.didYouMean(runtime, runtimes),
                                runtime);
                    }
                    return new KnownFailure(
                            plugin,
                            runtime,
                            model == null ? "*" : model,
                            test == null ? "*" : test,
                            toml.string(TomlSource.child(at, "error")),
                            knownStatuses(toml, TomlSource.child(at, "statuses")),
                            toml.bool(TomlSource.child(at, "emulated-only")),
                            reason);
                });
    }

    private static Set<String> knownStatuses(TomlSource toml, List<String> path) {
        List<String> statuses = toml.stringList(path);
        if (statuses == null) return KnownFailure.DEFAULT_STATUSES;
        String expectation = "a non-empty list of " + String.join(", ", KnownFailure.STATUSES);
        if (statuses.isEmpty()) throw toml.invalid(path, expectation, statuses);
        for (String s : statuses) if (!KnownFailure.STATUSES.contains(s)) throw toml.invalid(path, expectation, s);
        return Set.copyOf(statuses);
    }
}
