package conform.cli;

import conform.config.RuntimeConfig;
import conform.console.Console;
import conform.diag.ExitCode;
import conform.plan.Planner;
import conform.plan.Toolchain;
import conform.runtime.GenkitCli;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Command;

@Command(
        name = "setup",
        mixinStandardHelpOptions = true,
        description = {
            "Install what each runtime needs inside the checkout (npm ci; a venv and pip; go build of each entry), and"
                    + " the",
            "pinned genkit CLI that --runner cli runs (npm ci in its project, entries/genkit-cli by default).",
            "Steps whose inputs have not changed are skipped; check-model runs what is missing by itself."
        })
final class SetupCommand extends Subcommand {

    @Override
    ExitCode run(Workspace ws) {
        Path logDir = ws.config().baseDir().resolve(".conform/logs");
        boolean ok = true;
        for (RuntimeConfig rt : Planner.selectRuntimes(ws.config(), ws.options.runtimes)) {
            if (!toolchainFound(ws, rt.name(), rt.toolchain())) continue;
            TreeSet<String> plugins =
                    new TreeSet<>(ws.inventory().entriesByRuntime().get(rt.name()));
            ok &= SetupProgress.ensure(rt, List.copyOf(plugins), ws, logDir).isEmpty();
        }
        GenkitCli cli = new GenkitCli(ws.config().genkitCli());
        if (!cli.hasProject()) {
            ws.console.err("  " + ws.console.style().yellow("⊘") + " " + GenkitCli.NAME + ": skipped, no project at "
                    + cli.dir() + " (set `genkit-cli` in conform.toml for --runner cli)");
        } else if (toolchainFound(ws, GenkitCli.NAME, GenkitCli.TOOLCHAIN)) {
            ok &= SetupProgress.ensure(cli, ws, logDir).isEmpty();
        }
        return ok ? ExitCode.OK : ExitCode.FAILED;
    }

    /** Whether every program of {@code toolchain} is on PATH; if not, {@code name} is skipped, and says why. */
    private static boolean toolchainFound(Workspace ws, String name, List<String> toolchain) {
        List<String> missing = Toolchain.missing(toolchain, ws.env);
        if (missing.isEmpty()) return true;
        Console console = ws.console;
        console.err("  " + console.style().yellow("⊘") + " " + name + ": skipped, " + String.join(", ", missing)
                + " not found on PATH");
        return false;
    }
}
