package conform.cli;

import conform.config.RuntimeConfig;
import conform.console.Console;
import conform.diag.Diagnostic;
import conform.plan.PlannedRun;
import conform.report.Durations;
import conform.runtime.GenkitCli;
import conform.runtime.LogTail;
import conform.runtime.SetupTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a runtime's pending setup steps with progress on the console; shared by `setup` and `check-model`. */
final class SetupProgress {

    private SetupProgress() {}

    /** Brings {@code rt} up to date for {@code plugins}; returns the failure message, if it failed. */
    static Optional<String> ensure(RuntimeConfig rt, List<String> plugins, Workspace ws, Path logDir) {
        return ensure(rt.name(), SetupTasks.pending(rt, plugins), "--runtime " + rt.name(), ws, logDir);
    }

    /** Installs the genkit CLI (--runner cli), saying so when it is already. */
    static Optional<String> ensure(GenkitCli cli, Workspace ws, Path logDir) {
        return ensure(GenkitCli.NAME, cli.pendingSetup(), "", ws, logDir);
    }

    private static Optional<String> ensure(
            String name, List<SetupTasks.Task> tasks, String setupFlags, Workspace ws, Path logDir) {
        Console console = ws.console;
        if (tasks.isEmpty()) {
            console.err("  " + console.style().green("✓") + " " + name + ": up to date");
            return Optional.empty();
        }
        return run(name, tasks, setupFlags, ws, logDir);
    }

    /**
     * Installs what the runtimes of {@code runs} still lack, silently when nothing is pending; returns runtime → why its
     * setup failed.
     */
    static Map<String, String> ensureForRuns(List<PlannedRun> runs, Workspace ws, Path logDir) {
        Map<String, List<String>> pluginsByRuntime = new LinkedHashMap<>();
        Map<String, RuntimeConfig> runtimes = new LinkedHashMap<>();
        for (PlannedRun r : runs) {
            pluginsByRuntime
                    .computeIfAbsent(r.runtimeName(), k -> new ArrayList<>())
                    .add(r.plugin());
            runtimes.put(r.runtimeName(), r.runtime());
        }
        Map<String, String> failures = new LinkedHashMap<>();
        pluginsByRuntime.forEach((name, plugins) ->
                ensureQuietly(runtimes.get(name), plugins, ws, logDir).ifPresent(why -> failures.put(name, why)));
        return failures;
    }

    /** As {@link #ensure}, silent when there is nothing to do (check-model's case). */
    static Optional<String> ensureQuietly(RuntimeConfig rt, List<String> plugins, Workspace ws, Path logDir) {
        List<SetupTasks.Task> tasks = SetupTasks.pending(rt, plugins);
        return tasks.isEmpty() ? Optional.empty() : run(rt.name(), tasks, "--runtime " + rt.name(), ws, logDir);
    }

    /** The genkit CLI installed for --runner cli, silently when it is already. */
    static Optional<String> ensureQuietly(GenkitCli cli, Workspace ws, Path logDir) {
        List<SetupTasks.Task> tasks = cli.pendingSetup();
        return tasks.isEmpty() ? Optional.empty() : run(GenkitCli.NAME, tasks, "", ws, logDir);
    }

    private static Optional<String> run(
            String name, List<SetupTasks.Task> tasks, String setupFlags, Workspace ws, Path logDir) {
        Console console = ws.console;
        Path log = logDir.resolve("setup-" + name + ".log");
        long start = System.nanoTime();
        try {
            SetupTasks.run(
                    tasks,
                    log,
                    console.redactor(),
                    task -> console.err("  " + console.style().cyan("…") + " " + name + ": " + task.shown()));
            console.err("  " + console.style().green("✓") + " " + name + ": set up in "
                    + Durations.format((System.nanoTime() - start) / 1_000_000));
            return Optional.empty();
        } catch (SetupTasks.SetupFailure e) {
            console.diagnostic(Diagnostic.error("E0013", "setting up " + what(name) + " failed: " + e.getMessage())
                    .note(logNote(e.log()))
                    .hint("fix the cause and run `" + Launcher.prefix(ws.env) + " setup"
                            + (setupFlags.isEmpty() ? "" : " " + setupFlags) + "`"));
            return Optional.of("setup failed: " + e.getMessage() + " (log: " + e.log() + ")");
        }
    }

    private static String what(String name) {
        return name.equals(GenkitCli.NAME) ? name : "the " + name + " runtime";
    }

    private static String logNote(Path log) {
        List<String> tail = LogTail.last(log, 15);
        if (tail.isEmpty()) return log + " is empty";
        String last = "last lines of " + log + ":\n" + String.join("\n", tail);
        List<String> firstError = LogTail.firstError(log, 6);
        return firstError.isEmpty() || tail.containsAll(firstError)
                ? last
                : "the first error in " + log + ":\n" + String.join("\n", firstError) + "\n…\n" + last;
    }
}
