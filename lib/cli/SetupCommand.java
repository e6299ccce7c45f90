package conform.cli;

import conform.config.RuntimeConfig;
import conform.console.Console;
import conform.diag.ExitCode;
import conform.plan.Planner;
import conform.plan.Toolchain;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Command;

@Command(
        name = "setup",
        mixinStandardHelpOptions = true,
        description = {
            "Install what each runtime needs inside the checkout (npm ci; a venv and pip; go build of each entry).",
            "Steps whose inputs have not changed are skipped; check-model runs what is missing by itself."
        })
final class SetupCommand extends Subcommand {

    @Override
    ExitCode run(Workspace ws) {
        Console console = ws.console;
        boolean ok = true;
        for (RuntimeConfig rt : Planner.selectRuntimes(ws.config(), ws.options.runtimes)) {
            List<String> missing = Toolchain.missing(rt.toolchain(), ws.env);
            if (!missing.isEmpty()) {
                console.err("  " + console.style().yellow("⊘") + " " + rt.name() + ": skipped, "
                        + String.join(", ", missing) + " not found on PATH");
                continue;
            }
            TreeSet<String> plugins =
                    new TreeSet<>(ws.inventory().entriesByRuntime().get(rt.name()));
            ok &= SetupProgress.ensure(
                            rt, List.copyOf(plugins), ws, ws.config().baseDir().resolve(".conform/logs"))
                    .isEmpty();
        }
        return ok ? ExitCode.OK : ExitCode.FAILED;
    }
}
