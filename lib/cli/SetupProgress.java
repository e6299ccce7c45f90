package conform.cli;

import conform.config.RuntimeConfig;
import conform.console.Console;
import conform.diag.Diagnostic;
import conform.plan.PlannedRun;
import conform.report.Durations;
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
    static Optional<String> ensure(RuntimeConfig rt, List<String> plugins, Console console, Path logDir) {
        List<SetupTasks.Task> tasks = SetupTasks.pending(rt, plugins);
        if (tasks.isEmpty()) {
            console.err("  " + console.style().green("✓") + " " + rt.name() + ": up to date");
            return Optional.empty();
        }
        return run(rt, tasks, console, logDir);
    }

    /**
     * Installs what the runtimes of {@code runs} still lack, silently when nothing is pending; returns runtime → why its
     * setup failed.
     */
    static Map<String, String> ensureForRuns(List<PlannedRun> runs, Console console, Path logDir) {
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
                ensureQuietly(runtimes.get(name), plugins, console, logDir).ifPresent(why -> failures.put(name, why)));
        return failures;
    }

    /** As {@link #ensure}, silent when there is nothing to do (check-model's case). */
    static Optional<String> ensureQuietly(RuntimeConfig rt, List<String> plugins, Console console, Path logDir) {
        List<SetupTasks.Task> tasks = SetupTasks.pending(rt, plugins);
        return tasks.isEmpty() ? Optional.empty() : run(rt, tasks, console, logDir);
    }

    private static Optional<String> run(RuntimeConfig rt, List<SetupTasks.Task> tasks, Console console, Path logDir) {
        Path log = logDir.resolve("setup-" + rt.name() + ".log");
        long start = System.nanoTime();
        try {
            SetupTasks.run(
                    tasks,
                    log,
                    console.redactor(),
                    task -> console.err("  " + console.style().cyan("…") + " " + rt.name() + ": " + task.shown()));
            console.err("  " + console.style().green("✓") + " " + rt.name() + ": set up in "
                    + Durations.format((System.nanoTime() - start) / 1_000_000));
            return Optional.empty();
        } catch (SetupTasks.SetupFailure e) {
            console.diagnostic(Diagnostic.error(
                            "E0013", "setting up the " + rt.name() + " runtime failed: " + e.getMessage())
                    .note("last lines of " + e.log() + ":\n" + String.join("\n", LogTail.last(e.log(), 15)))
                    .hint("fix the cause and run `conform setup --runtime " + rt.name() + "`"));
            return Optional.of("setup failed: " + e.getMessage() + " (log: " + e.log() + ")");
        }
    }
}
