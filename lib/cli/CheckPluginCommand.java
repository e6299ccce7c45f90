package conform.cli;

import conform.config.ConformConfig;
import conform.config.RuntimeConfig;
import conform.console.Console;
import conform.console.PluginsDirView;
import conform.console.Style;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.models.ModelInventory;
import conform.models.ModelListing;
import conform.models.PluginModels;
import conform.packages.Coverage;
import conform.packages.PluginsDirScan;
import conform.plan.Inventory;
import conform.plan.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "check-plugin",
        mixinStandardHelpOptions = true,
        description = {
            "Lint: every plugin has a spec, and an entry in each runtime that declares it (or that has an entry for"
                    + " it).",
            "With a plugins directory (a runtime's plugins-dir, or --plugins-dir), also lists the model plugins in it"
                    + " and fails on each that lacks a spec or an entry in that runtime.",
            "With --models, also lists the plugins' models in their runtimes and fails on a stale suite.",
            "Exits 1 when something is missing or stale."
        })
final class CheckPluginCommand extends Subcommand {

    @Option(
            names = "--models",
            description = {
                "Also list every plugin's models in its runtimes (as `conform models`) and fail on a stale suite: one"
                        + " whose model no runtime lists any more.",
                "A plugin whose keys are unset is listed against the emulator; --emulate does so for all."
            })
    boolean models;

    @Mixin
    EmulationOptions emulation = new EmulationOptions();

    @Mixin
    PluginsDirOption pluginsDirs = new PluginsDirOption();

    @Override
    ExitCode run(Workspace ws) {
        emulation.check();
        if (emulation.emulate && !models)
            throw new ConformException(Diagnostic.error("E0011", "--emulate needs --models here")
                    .hint("add --models, which lists the plugins' models against the emulator"));
        ConformConfig config = ws.config();
        Inventory inventory = ws.inventory();
        List<RuntimeConfig> runtimes = Planner.selectRuntimes(config, ws.options.runtimes);
        Map<RuntimeConfig, Path> dirs = pluginsDirs.pluginsDirs(ws, runtimes);
        List<String> problems = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        for (RuntimeConfig rt : runtimes) {
            Set<String> expected = pluginsOf(rt, inventory);
            covered.addAll(expected);
            for (String plugin : expected) {
                if (!inventory.hasEntry(rt.name(), plugin)) {
                    problems.add(plugin + " (" + rt.name() + "): no entry; expected " + rt.entryPath(plugin));
                }
                if (inventory.specFile(rt.name(), plugin) == null) {
                    problems.add(plugin + " (" + rt.name() + "): no spec; expected "
                            + rt.specsDir().resolve(plugin + ".yaml"));
                }
            }
        }
        Console console = ws.console;
        Style style = console.style();
        // A spec that another runtime covers is outside the --runtime selection, not a gap.
        Set<String> coveredElsewhere = new TreeSet<>();
        for (RuntimeConfig rt : config.runtimes().values())
            if (!runtimes.contains(rt)) coveredElsewhere.addAll(pluginsOf(rt, inventory));
        for (String plugin : inventory.pluginsWithSpecs()) {
            if (covered.contains(plugin) || coveredElsewhere.contains(plugin)) continue;
            String reason = config.unavailable().get(plugin);
            if (reason != null) console.out("  " + style.yellow("⊘") + " " + plugin + ": unavailable, " + reason);
            else problems.add(plugin + ": spec " + inventory.anySpecFile(plugin) + " has no entry in any runtime");
        }
        for (String problem : problems) console.out("  " + style.error("MISSING") + "  " + problem);
        dirs.forEach((rt, dir) -> problems.addAll(pluginsDir(ws, PluginsDirScan.of(rt, dir), inventory)));
        if (models) problems.addAll(staleSuites(ws));
        if (problems.isEmpty()) {
            console.out("  " + style.green("✓") + " all " + covered.size()
                    + " plugin(s) have a spec and an entry in every runtime that covers them"
                    + (dirs.isEmpty() ? "" : ", and so does every model plugin in the plugins directories")
                    + (models ? ", and every suite's model is listed by a runtime" : ""));
            return ExitCode.OK;
        }
        console.out("");
        console.out("  " + problems.size()
                + " problem(s). Declare a runtime's plugins with `plugins = [...]` under [conform.runtimes.<name>],"
                + " a plugin no runtime can run under [conform.unavailable], and move a stale suite to a model the"
                + " plugin registers (`conform models` lists them)."
                + (dirs.isEmpty()
                        ? ""
                        : " A model plugin of a plugins directory needs a spec (specs/<plugin>.yaml) and an entry (`"
                                + Launcher.prefix(ws.env) + " new-entry` writes one), or a place in ignore-plugins."));
        return ExitCode.FAILED;
    }

    /** The plugins a runtime covers: those it declares and those it has an entry for. */
    private static Set<String> pluginsOf(RuntimeConfig rt, Inventory inventory) {
        Set<String> plugins = new TreeSet<>(rt.plugins());
        plugins.addAll(inventory.entriesByRuntime().getOrDefault(rt.name(), List.of()));
        return plugins;
    }

    /** The model plugins of a runtime's plugins directory, listed, and each one's gaps as problems. */
    private static List<String> pluginsDir(Workspace ws, PluginsDirScan scan, Inventory inventory) {
        String runtime = scan.runtime().name();
        List<Coverage> coverage = Coverage.of(scan, inventory);
        Console console = ws.console;
        console.out("");
        PluginsDirView.render(scan, coverage, inventory, console.style(), ws.options.verbose)
                .forEach(console::out);
        List<String> problems =
                PluginsDirView.problems(runtime, coverage, inventory, Launcher.prefix(ws.env) + " new-entry");
        for (String problem : problems) console.out("  " + console.style().error("MISSING") + "  " + problem);
        return problems;
    }

    /** With --models: each suite whose model no runtime lists, and each runtime that could not be listed. */
    private List<String> staleSuites(Workspace ws) {
        ModelInventory inventory = ModelsCommand.take(ws, List.of(), emulation, null);
        Console console = ws.console;
        List<String> problems = new ArrayList<>();
        for (PluginModels plugin : inventory.plugins()) {
            for (String model : plugin.stale()) {
                String problem = plugin.plugin() + ": suite " + model + " in " + plugin.spec() + ": "
                        + plugin.describeStale(model);
                console.out("  " + console.style().error("STALE") + "    " + problem);
                problems.add(problem);
            }
            for (ModelListing l : plugin.listings()) {
                if (l.status() != ModelListing.Status.ERROR) continue;
                String problem = l.plugin() + " (" + l.runtime() + "): its models could not be listed: " + l.reason();
                console.out("  " + console.style().error("ERROR") + "    " + problem);
                problems.add(problem);
            }
        }
        return problems;
    }
}
