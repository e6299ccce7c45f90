package conform.cli;

import conform.console.Console;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.emulator.Emulation;
import conform.emulator.Emulator;
import conform.emulator.ReferenceModel;
import conform.emulator.RunFault;
import conform.models.InventoryRunner;
import conform.models.ListingTarget;
import conform.models.ModelInventory;
import conform.models.ModelLister;
import conform.models.ModelListing;
import conform.models.ModelListing.Source;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.spec.PluginSpec;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the model inventory of a plan's runs, for `models`, `check-plugin --models` and check-model's reports: sets
 * up the runtimes, starts the emulator where it stands in for a provider, and lists every run, telling the console
 * as each runtime is listed. What it returns is redacted, ready to be printed and written.
 */
final class InventoryRun {

    private InventoryRun() {}

    /**
     * @param emulate list every plugin the emulator serves against it (--emulate); otherwise only those whose keys
     *                are unset
     * @param fault   --emulate-fault, or null
     */
    static ModelInventory take(Workspace ws, Plan plan, boolean emulate, RunFault fault, Path logDir) {
        Console console = ws.console;
        List<ListingTarget> targets = Emulation.listingTargets(plan, ws.config(), emulate);
        List<PlannedRun> listed = targets.stream()
                .filter(t -> t.source() != null)
                .map(ListingTarget::run)
                .toList();
        if (listed.isEmpty()) throw nothingToList(targets);
        Map<String, String> broken = SetupProgress.ensureForRuns(listed, ws, logDir);
        List<PluginSpec> emulated = targets.stream()
                .filter(t -> t.source() == Source.EMULATOR)
                .map(t -> t.run().spec())
                .toList();
        console.err("  listing the models of " + listed.size() + " runtime(s)…");
        Map<Source, Map<String, String>> env = new EnumMap<>(Source.class);
        Emulator emulator = emulated.isEmpty()
                ? null
                : EmulationOptions.launch(
                        0,
                        Emulation.forRuns(emulated, ws.config()),
                        fault,
                        console,
                        line -> {
                            if (ws.options.verbose)
                                console.err("    " + console.style().dim("emulator: " + line));
                        },
                        ReferenceModel.Audience.CONFORMANCE_RUN,
                        "check that conform may listen on 127.0.0.1");
        try {
            if (emulator != null) env.put(Source.EMULATOR, emulator.childEnvironment(ws.env));
            ModelLister lister = new ModelLister(env, logDir, console.redactor());
            return new InventoryRunner(lister, plan.concurrency(), ws.config().baseDir(), new Progress(ws))
                    .run(targets, broken, ConformCommand.VERSION)
                    .mapText(console.redactor()::redact);
        } finally {
            if (emulator != null) emulator.close();
        }
    }

    private static ConformException nothingToList(List<ListingTarget> targets) {
        return new ConformException(Diagnostic.error("E0003", "nothing to list: every selected run is skipped")
                .note(String.join(
                        "\n",
                        targets.stream()
                                .map(t -> t.run().plugin() + " (" + t.run().runtimeName() + "): " + t.skipReason())
                                .toList()))
                .hint("install what is missing, or select other plugins or runtimes"));
    }

    /** One line per runtime listed (or failed), notes with -v. */
    private record Progress(Workspace ws) implements InventoryRunner.Listener {

        @Override
        public void note(ListingTarget target, String message) {
            if (ws.options.verbose)
                ws.console.err(
                        "    " + target.run().plugin() + " (" + target.run().runtimeName() + "): " + message);
        }

        @Override
        public void finished(ModelListing listing) {
            var style = ws.console.style();
            String where = listing.plugin() + " (" + listing.runtime() + ")";
            switch (listing.status()) {
                case LISTED ->
                    ws.console.err("  " + style.green("✓") + " " + where + ": "
                            + listing.models().size() + " model(s)");
                case ERROR -> ws.console.err("  " + style.error("✗") + " " + where + ": " + listing.reason());
                case SKIPPED -> {}
            }
        }
    }
}
