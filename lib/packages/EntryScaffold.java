package conform.packages;

import conform.config.RuntimeConfig;
import java.util.List;
import java.util.Optional;

/**
 * A minimal entry in a runtime's style for a plugin package, as {@code conform new-entry} writes it: Genkit with that
 * one plugin, the spec's models (CONFORM_MODELS) registered up front through the runtime's shared helpers
 * ({@code _conformrt}), the reflection server kept alive.
 */
sealed interface EntryScaffold permits JsEntry, PythonEntry, GoEntry {

    static EntryScaffold of(String runtime) {
        return switch (runtime) {
            case "js" -> new JsEntry();
            case "python" -> new PythonEntry();
            case "go" -> new GoEntry();
            default -> throw new IllegalArgumentException("no entry scaffold for runtime " + runtime);
        };
    }

    /** What the entry needs beside it that the runtime's entries directory lacks (its shared helpers), if anything. */
    Optional<String> missing(RuntimeConfig rt);

    /** The entry's source. */
    String source(RuntimeConfig rt, PluginPackage pkg, PluginFactory factory, String plugin);

    /** How to add the package to the runtime's project; nothing when the project has it already. */
    Optional<String> install(RuntimeConfig rt, PluginPackage pkg);

    /** The entry's note on what conform chose, for a person to check: the other candidates, or that it guessed. */
    static String choice(PluginFactory factory, String what) {
        if (!factory.found())
            return "conform found no " + what + " in the package's sources: `" + factory.symbol()
                    + "` is a guess, fix it";
        if (factory.others().isEmpty()) return "the package's only " + what;
        return "the closest to the plugin's name of the package's " + what + "s (the others: " + factory.alternatives()
                + ")";
    }

    /** The note every entry carries on options: conform passes none, and cannot know which the plugin needs. */
    List<String> OPTIONS_NOTE = List.of(
            "It is made without options, so it finds its key (and a base URL, for the emulator) only where it reads",
            "them itself: pass them here if it does not (entries/README.md shows how each shipped entry does).");
}
