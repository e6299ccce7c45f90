package conform.cli;

import conform.config.ConformConfig;
import conform.config.RuntimeConfig;
import conform.console.Console;
import conform.console.Style;
import conform.diag.ExitCode;
import conform.plan.Inventory;
import conform.plan.Planner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;

@Command(
        name = "check-plugin",
        mixinStandardHelpOptions = true,
        description = {
            "Lint: every plugin has a spec, and an entry in each runtime that declares it (or that has an entry for"
                    + " it).",
            "Exits 1 when something is missing."
        })
final class CheckPluginCommand extends Subcommand {

    @Override
    ExitCode run(Workspace ws) {
        ConformConfig config = ws.config();
        Inventory inventory = ws.inventory();
        List<RuntimeConfig> runtimes = Planner.selectRuntimes(config, ws.options.runtimes);
        List<String> problems = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        for (RuntimeConfig rt : runtimes) {
            Set<String> expected = new TreeSet<>(rt.plugins());
            expected.addAll(inventory.entriesByRuntime().get(rt.name()));
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
        for (String plugin : inventory.pluginsWithSpecs()) {
            if (covered.contains(plugin)) continue;
            String reason = config.unavailable().get(plugin);
            if (reason != null) console.out("  " + style.yellow("⊘") + " " + plugin + ": unavailable, " + reason);
            else
                problems.add(
                        plugin + ": spec " + inventory.anySpecFile(plugin) + " has no entry in any selected runtime");
        }
        for (String problem : problems) console.out("  " + style.error("MISSING") + "  " + problem);
        if (problems.isEmpty()) {
            console.out("  " + style.green("✓") + " all " + covered.size()
                    + " plugin(s) have a spec and an entry in every runtime that covers them");
            return ExitCode.OK;
        }
        console.out("");
        console.out("  " + problems.size()
                + " problem(s). Declare a runtime's plugins with `plugins = [...]` under [conform.runtimes.<name>],"
                + " and a plugin no runtime can run under [conform.unavailable].");
        return ExitCode.FAILED;
    }
}
