package conform.packages;

import conform.config.RuntimeConfig;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.Suggest;
import conform.plan.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code conform new-entry}: a minimal entry, in its runtime's style, for a model plugin of the runtime's plugins
 * directory that has a spec but no entry. It never writes over an entry.
 *
 * @param plugin  the plugin the entry is for (its spec's name)
 * @param file    the entry written
 * @param pkg     the plugin's package
 * @param factory what the entry adds to Genkit, as conform made it out
 * @param install how to add the package to the runtime's project, when it lacks it
 */
public record NewEntry(String plugin, Path file, PluginPackage pkg, PluginFactory factory, Optional<String> install) {

    /**
     * Writes the entry for {@code name} (a plugin, or a package's folder or name) found in {@code scan}.
     *
     * @throws ConformException when there is no such model plugin, it has no spec, or an entry is there already
     */
    public static NewEntry write(PluginsDirScan scan, Inventory inventory, String name) {
        RuntimeConfig rt = scan.runtime();
        Coverage found = find(scan, inventory, name);
        String plugin = found.plugins().get(0);
        PluginPackage pkg = found.pkg();
        if (!found.entries().isEmpty()) {
            throw refused(
                    pkg.label() + " has an entry in " + rt.name() + " already: " + String.join(", ", found.entries()),
                    "edit " + rt.entryPath(found.entries().get(0)));
        }
        if (pkg.pkg() == null) {
            throw refused(
                    pkg.dir() + " has no package name (its manifest names none, or for Go no go.mod is above it),"
                            + " so no entry could import it",
                    "name the package in its package.json or pyproject.toml, or put the Go package in a module");
        }
        if (inventory.specFile(rt.name(), plugin) == null) {
            throw refused(
                    plugin + " has no spec: conform would not know what to test",
                    "write " + rt.specsDir().resolve(plugin + ".yaml")
                            + " first (a suite per model; see the README's Specs), then run new-entry again");
        }
        Path file = rt.entryPath(plugin);
        if (Files.exists(file)) {
            throw refused(
                    file + " exists already, and new-entry never writes over an entry",
                    "edit it (it imports none of " + pkg.label() + "'s modules), or move it away to start afresh");
        }
        EntryScaffold scaffold = EntryScaffold.of(rt.name());
        scaffold.missing(rt).ifPresent(m -> {
            throw refused(
                    "the entries of runtime " + rt.name() + " need " + m,
                    "copy it from conform's checkout into " + rt.entriesDir());
        });
        PluginFactory factory = scan.reader().factory(pkg, plugin);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, scaffold.source(rt, pkg, factory, plugin));
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0019", "cannot write " + file + ": " + e.getMessage())
                    .hint("check that " + file.getParent() + " is writable"));
        }
        return new NewEntry(plugin, file, pkg, factory, scaffold.install(rt, pkg));
    }

    /** The model plugin {@code name} stands for: by the plugin it is, its folder or its package. */
    private static Coverage find(PluginsDirScan scan, Inventory inventory, String name) {
        List<Coverage> models = Coverage.of(scan, inventory);
        for (Coverage c : models) if (c.plugins().contains(name)) return c;
        for (Coverage c : models) if (c.pkg().isNamed(name) || c.pkg().names().contains(name)) return c;
        String dir = String.valueOf(scan.dir());
        for (PluginPackage p : scan.ignored()) {
            if (p.isNamed(name) || p.names().contains(name))
                throw refused(p.folder() + " in " + dir + " is in ignore-plugins", "take it out of ignore-plugins");
        }
        for (PluginPackage p : scan.others()) {
            if (!p.isNamed(name) && !p.names().contains(name)) continue;
            throw refused(
                    p.folder() + " in " + dir + " is no model plugin by conform's rule: "
                            + (p.excluded() != null ? p.excluded() : "its sources define no model with Genkit's API"),
                    "if it does define models, name it in additional-model-plugins under [conform.runtimes."
                            + scan.runtime().name() + "]");
        }
        List<String> known = models.stream()
                .flatMap(c ->
                        Stream.concat(c.plugins().stream(), Stream.of(c.pkg().folder())))
                .distinct()
                .toList();
        throw new ConformException(Diagnostic.error(
                        "E0019", "no model plugin `" + name + "` in " + dir + Suggest.didYouMean(name, known))
                .note(known.isEmpty() ? "it holds no model plugin" : "its model plugins: " + String.join(", ", known))
                .hint("name a model plugin of the runtime's plugins directory (`conform check-plugin` lists them)"));
    }

    private static ConformException refused(String what, String hint) {
        return new ConformException(Diagnostic.error("E0019", what).hint(hint));
    }
}
