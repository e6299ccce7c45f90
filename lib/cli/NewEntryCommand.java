package conform.cli;

import conform.config.ConformConfig;
import conform.config.RuntimeConfig;
import conform.console.Console;
import conform.console.Style;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.packages.NewEntry;
import conform.packages.PluginsDirScan;
import conform.plan.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "new-entry",
        mixinStandardHelpOptions = true,
        description = {
            "Write a minimal entry for a model plugin of a runtime's plugins directory that has a spec but no entry:"
                    + " Genkit with that one plugin, in the runtime's style. Never writes over an entry.",
            "Then says what is left to do: add the package to the runtime's project, check the entry, run it."
        })
final class NewEntryCommand extends Subcommand {

    @Parameters(
            paramLabel = "PLUGIN",
            description = "The plugin (its spec's name), or its package's folder or name in the plugins directory")
    String plugin;

    @Mixin
    PluginsDirOption pluginsDirs = new PluginsDirOption();

    @Override
    ExitCode run(Workspace ws) {
        ConformConfig config = ws.config();
        List<RuntimeConfig> selected = Planner.selectRuntimes(config, ws.options.runtimes);
        if (ws.options.runtimes.isEmpty() || selected.size() != 1) {
            throw new ConformException(Diagnostic.error("E0019", "new-entry writes the entry of one runtime")
                    .hint("name it: --runtime "
                            + String.join(", --runtime ", config.runtimes().keySet())));
        }
        RuntimeConfig rt = selected.get(0);
        Path dir = pluginsDirs.pluginsDirs(ws, selected).get(rt);
        if (dir == null) {
            throw new ConformException(Diagnostic.error(
                            "E0019", "runtime `" + rt.name() + "` has no plugins directory to find " + plugin + " in")
                    .hint("set plugins-dir under [conform.runtimes." + rt.name() + "] in " + config.file()
                            + ", or pass --plugins-dir DIR"));
        }
        NewEntry made = NewEntry.write(PluginsDirScan.of(rt, dir), ws.inventory(), plugin);
        Console console = ws.console;
        Style style = console.style();
        console.out("  " + style.green("✓") + " wrote " + made.file() + ": Genkit with "
                + made.pkg().label() + "'s " + made.factory().symbol() + ", in runtime " + rt.name());
        if (!made.factory().found())
            console.out("  " + style.warn("!") + " its sources show no plugin to add: `"
                    + made.factory().symbol() + "` is a guess; fix it in the entry");
        else if (!made.factory().others().isEmpty())
            console.out("    "
                    + style.dim("chosen as the closest to the plugin's name; the others: "
                            + made.factory().alternatives()));
        console.out("");
        console.out("  Next:");
        List<String> steps = nextSteps(ws, config, rt, made);
        for (int i = 0; i < steps.size(); i++) console.out("    " + (i + 1) + ". " + steps.get(i));
        return ExitCode.OK;
    }

    private static List<String> nextSteps(Workspace ws, ConformConfig config, RuntimeConfig rt, NewEntry made) {
        String name = made.plugin();
        List<String> steps = new ArrayList<>();
        made.install().ifPresent(steps::add);
        steps.add("give the plugin the options it needs, if it does not read its key and base URL from its provider's"
                + " variables (entries/README.md lists how each shipped entry does it)");
        if (!rt.plugins().isEmpty() && !rt.plugins().contains(name))
            steps.add("add \"" + name + "\" to `plugins` under [conform.runtimes." + rt.name() + "] in "
                    + config.file().getFileName());
        if (!config.emulate().containsKey(name) && !config.notEmulated().containsKey(name))
            steps.add("to run it offline, name the API it speaks under [conform.emulate] (" + name + " = \"openai\","
                    + " say), and its key under [conform.env]");
        String prefix = Launcher.prefix(ws.env);
        steps.add("`" + prefix + " check-model " + name + " --runtime " + rt.name() + " --dry-run`, then run it"
                + (config.emulate().containsKey(name) ? " (`--emulate` offline)" : ""));
        return steps;
    }
}
