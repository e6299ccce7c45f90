package conform.cli;

import conform.config.SettingLayer;
import conform.console.ModelsView;
import conform.diag.ExitCode;
import conform.models.ModelInventory;
import conform.plan.Plan;
import conform.plan.Planner;
import conform.report.HtmlReport;
import conform.report.ModelsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = {
            "What each plugin registers in each runtime, read from the live runtimes: a models × runtimes matrix per"
                    + " plugin, differences first,",
            "then what it says about the spec (stale suites, untested models, capabilities tested but not declared and"
                    + " declared but not tested).",
            "A plugin whose keys are unset is listed against the emulator (its stand-in keys; --emulate does so for"
                    + " all). Exits 1 when a runtime could not be listed."
        })
final class ModelsCommand extends Subcommand {

    static final String HTML_FILE_NAME = "models.html";

    @Parameters(
            paramLabel = "PLUGIN",
            arity = "0..*",
            description = "Plugins to list (default: every plugin with a spec)")
    List<String> plugins = new ArrayList<>();

    @Option(
            names = "--report-dir",
            paramLabel = "DIR",
            description = "Write models.json, models.html and the runtimes' logs here")
    Path reportDir;

    @Mixin
    EmulationOptions emulation = new EmulationOptions();

    @Override
    ExitCode run(Workspace ws) throws IOException {
        emulation.check();
        ModelInventory inventory = take(ws, plugins, emulation, reportDir);
        ModelsView.render(inventory, ws.options.verbose, ws.console.style()).forEach(ws.console::out);
        if (reportDir != null) {
            Path dir = ws.path(reportDir);
            ws.console.err("  models: " + ModelsFile.write(dir, inventory));
            Path html = dir.resolve(HTML_FILE_NAME);
            Files.writeString(html, HtmlReport.renderModels(inventory));
            ws.console.err("  report: " + html);
        }
        return inventory.complete() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** The inventory of {@code plugins} (all with a spec when empty) in the selected runtimes; what `models` prints. */
    static ModelInventory take(Workspace ws, List<String> plugins, EmulationOptions emulation, Path reportDir) {
        Plan plan = new Planner(ws.config(), ws.inventory(), ws.specLoader(), ws.env, SettingLayer.EMPTY)
                .plan(plugins, ws.options.runtimes);
        plan.warnings().forEach(ws.console::diagnostic);
        RunLogs logs = RunLogs.create(ws.path(reportDir));
        ModelInventory inventory = InventoryRun.take(ws, plan, emulation.emulate, emulation.fault, logs.dir());
        logs.finish(inventory.complete(), ws.console);
        return inventory;
    }
}
