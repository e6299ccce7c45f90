package conform.plan;

import conform.config.RuntimeConfig;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a dry run checks beyond its plan, so that passing it means a run can start: every spec file, also those of
 * plugins no selected runtime has an entry for (a run loads only its own), and the directories each selected runtime
 * works in. conform.toml's own directories were checked when it loaded; these are the defaults it left in place.
 */
public final class Preflight {

    private Preflight() {}

    /** Every problem found, in file order; empty when there is none. */
    public static List<Diagnostic> problems(Inventory inventory, SpecLoader loader, List<RuntimeConfig> runtimes) {
        List<Diagnostic> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (RuntimeConfig rt : runtimes) {
            directory(problems, seen, rt, rt.specsDir(), "specs directory", "specs-dir");
            directory(problems, seen, rt, rt.entriesDir(), "entries directory", "entries-dir");
            directory(problems, seen, rt, rt.cwd(), "working directory", "cwd");
        }
        Map<Path, String> specs = new TreeMap<>();
        inventory
                .specsByRuntime()
                .values()
                .forEach(byPlugin -> byPlugin.forEach((plugin, file) -> specs.put(file, plugin)));
        specs.forEach((file, plugin) -> {
            try {
                loader.load(plugin, file);
            } catch (ConformException e) {
                problems.add(e.diagnostic());
            }
        });
        return problems;
    }

    private static void directory(
            List<Diagnostic> problems, Set<Path> seen, RuntimeConfig rt, Path dir, String what, String key) {
        if (!seen.add(dir) || Files.isDirectory(dir)) return;
        problems.add(Diagnostic.error(
                        "E0106",
                        "the " + what + " of runtime `" + rt.name() + "`, " + dir + ", "
                                + (Files.exists(dir) ? "is not a directory" : "does not exist"))
                .hint("create it, or point `" + key + "` in conform.toml at the right directory"));
    }
}
