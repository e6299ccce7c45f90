package conform.cli;

import conform.config.ConformConfig;
import conform.config.RuntimeConfig;
import conform.console.Console;
import conform.console.SourcesView;
import conform.console.Style;
import conform.console.Table;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.plan.Inventory;
import conform.plan.Planner;
import conform.spec.BuiltinTests;
import conform.spec.PluginSpec;
import conform.spec.SpecLoader;
import conform.spec.TestCase;
import conform.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Show the plugins, the runtimes that have an entry for each, and whether their env vars are set.")
final class ListCommand extends Subcommand {

    @Option(names = "--validators", description = "List the validators instead")
    boolean validators;

    @Option(names = "--capabilities", description = "List the built-in test cases (capability tags) instead")
    boolean capabilities;

    @Override
    ExitCode run(Workspace ws) {
        Console console = ws.console;
        if (validators) {
            Table table = new Table("Validator", "Argument (ARG)", "Checks that");
            for (Validator v : ws.validators().all()) table.row(v.name(), v.argumentSummary(), v.description());
            table.render(console.style()).forEach(console::out);
        } else if (capabilities) {
            listCapabilities(ws, console);
        } else {
            listPlugins(ws, console);
        }
        return ExitCode.OK;
    }

    private static void listCapabilities(Workspace ws, Console console) {
        BuiltinTests builtins = BuiltinTests.load(ws.validators());
        Table table = new Table("Capability", "Test", "Stream", "Validators", "Default");
        for (String tag : builtins.capabilities()) {
            TestCase test = builtins.forCapability(tag).orElseThrow();
            table.row(
                    tag,
                    test.name(),
                    test.stream() ? "yes" : "",
                    String.join(
                            ", ",
                            test.validators().stream().map(Object::toString).toList()),
                    BuiltinTests.DEFAULT_CAPABILITIES.contains(tag) ? "yes" : "");
        }
        table.render(console.style()).forEach(console::out);
    }

    private static void listPlugins(Workspace ws, Console console) {
        Style style = console.style();
        ConformConfig config = ws.config();
        Inventory inventory = ws.inventory();
        List<RuntimeConfig> runtimes = Planner.selectRuntimes(config, ws.options.runtimes);
        SpecLoader loader = ws.specLoader();
        List<Diagnostic> problems = new ArrayList<>();
        Table table = new Table("", "Plugin", "Runtimes", "Models", "Tests", "Environment");
        for (String plugin : inventory.pluginsWithSpecs()) {
            List<String> missing = config.missingEnv(plugin, ws.env);
            String ready = missing.isEmpty() ? style.green("●") : style.red("○");
            List<String> cells = new ArrayList<>();
            for (RuntimeConfig rt : runtimes)
                cells.add(
                        inventory.hasEntry(rt.name(), plugin)
                                ? style.green(rt.name())
                                : style.dim("(" + rt.name() + ")"));
            String models = "";
            String tests = "";
            Path file = inventory.anySpecFile(plugin);
            try {
                PluginSpec spec = loader.load(plugin, file);
                models = String.valueOf(spec.suites().size());
                tests = String.valueOf(spec.testCount());
            } catch (ConformException e) {
                problems.add(e.diagnostic());
                tests = style.red("invalid spec");
            }
            table.row(
                    ready,
                    plugin,
                    String.join(" ", cells),
                    models,
                    tests,
                    envCell(config.requiredEnv(plugin), missing, style));
        }
        if (table.size() == 0) {
            console.out(style.yellow("No plugins found") + " (no spec files in "
                    + String.join(
                            ", ",
                            runtimes.stream()
                                    .map(rt -> rt.specsDir().toString())
                                    .distinct()
                                    .toList()) + ")");
            return;
        }
        table.render(style).forEach(console::out);
        console.out("");
        console.out(style.dim("  ● ready  ○ env vars missing · ")
                + style.green("runtime")
                + style.dim(" has an entry  (runtime) has none · config " + config.file()));
        List<String> sources = SourcesView.render(runtimes, style);
        if (!sources.isEmpty()) console.out("");
        sources.forEach(console::out);
        problems.forEach(console::diagnostic);
    }

    private static String envCell(List<String> required, List<String> missing, Style style) {
        if (required.isEmpty()) return style.dim("(no credentials needed)");
        return String.join(
                "  ",
                required.stream()
                        .map(v -> missing.contains(v) ? style.red(v + " (unset)") : style.blue(v))
                        .toList());
    }
}
