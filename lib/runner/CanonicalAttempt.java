package conform.runner;

import com.fasterxml.jackson.databind.JsonNode;
import conform.plan.PlannedRun;
import conform.runtime.CliProcess;
import conform.runtime.CliTraces;
import conform.runtime.GenkitCli;
import conform.runtime.Launch;
import conform.spec.Suite;
import conform.spec.TestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One start of genkit dev:test-model on a plugin run's spec, watched until it ends: its verdicts are read as they come,
 * and conform bounds what the CLI does not — its start, by the startup timeout (until its tests start); each suite,
 * whose tests the CLI runs all at once, by the suite's action timeout. Whatever ends it (its own end, a bound, Ctrl-C),
 * the CLI, its telemetry server and its runtime are stopped before the attempt returns.
 */
final class CanonicalAttempt {

    /** How the attempt ended. */
    enum End {
        /** The CLI gave every verdict and ended by itself. */
        COMPLETED,
        /** The CLI exited before it had given every verdict. */
        EXITED,
        /** No test started within the startup timeout. */
        STARTUP_TIMEOUT,
        /**
         * The CLI ran its first test without a runtime ("No runtimes found"): the runtime was slower than the CLI waits
         * for one (40 s, whatever the settings), or the CLI missed the one it started.
         */
        NO_RUNTIME,
        /** A suite had not given every verdict within its action timeout. */
        SUITE_TIMEOUT,
        /** conform was asked to stop. */
        INTERRUPTED
    }

    private static final long POLL_MS = 25;
    /** What the CLI needs beyond a suite's model calls: its own work around them. */
    private static final Duration SUITE_SLACK = Duration.ofSeconds(1);
    /** How long a CLI that has given every verdict has to end by itself (it stops its runtime first). */
    private static final Duration WIND_DOWN = Duration.ofSeconds(5);

    /**
     * @param verdicts  each test's verdict as the CLI gave it, keyed by job index (no entry: no verdict)
     * @param suite     the suite that was running when it ended, or -1
     * @param exitCode  the CLI's exit code, when it exited by itself
     * @param runtimeUp the runtime the CLI started wrote its runtime file while the CLI ran
     */
    record Outcome(
            End end,
            Map<Integer, CanonicalVerdict> verdicts,
            int suite,
            Long startupMs,
            Long testsMs,
            Optional<Integer> exitCode,
            boolean runtimeUp) {}

    /** What the CLI says when it runs a test without a runtime. */
    private static final String NO_RUNTIMES = "No runtimes found";
    /** How often the watch loop looks for the runtime's file (a directory listing and a process-table walk). */
    private static final long RUNTIME_LOOK_NANOS = Duration.ofMillis(250).toNanos();

    private final PlannedRun run;
    private final List<Job> jobs;
    private final Interruption interruption;
    private final Map<Integer, CanonicalVerdict> verdicts = new HashMap<>();
    /** Cleared when conform ends the CLI (a bound, Ctrl-C): what it prints while it is being stopped is no verdict. */
    private boolean accepting = true;
    /** The CLI's first verdict said it had no runtime: it never found the one it started. */
    private boolean runtimeMissed;

    CanonicalAttempt(PlannedRun run, List<Job> jobs, Interruption interruption) {
        this.run = run;
        this.jobs = jobs;
        this.interruption = interruption;
    }

    /**
     * Runs the CLI once.
     *
     * @param onVerdict each test's verdict as soon as the CLI gives it (on another thread)
     * @param onLine    each line of the CLI's output (for -v)
     * @param onRunning the CLI started its tests, with the time it took
     */
    Outcome run(
            GenkitCli cli,
            Path spec,
            Launch launch,
            Path cliLog,
            Consumer<Job> onVerdict,
            Consumer<String> onLine,
            Consumer<Long> onRunning)
            throws IOException {
        List<Suite> suites = run.spec().suites();
        CanonicalOutput output = new CanonicalOutput(suites, v -> record(v, onVerdict));
        long begin = System.nanoTime();
        End end;
        boolean running = false;
        long watched;
        Optional<Integer> exit = Optional.empty();
        // Looked for while the CLI runs: a CLI that ends stops its runtime, whose file goes with it.
        boolean runtimeUp = false;
        long lookedForRuntime = 0;
        try (CliProcess process = CliProcess.start(cli, spec, launch, cliLog)) {
            process.follow(line -> {
                onLine.accept(line);
                output.line(line);
            });
            while (true) {
                if (interruption.requested()) {
                    end = End.INTERRUPTED;
                    break;
                }
                if (!runtimeUp && System.nanoTime() - lookedForRuntime >= RUNTIME_LOOK_NANOS) {
                    runtimeUp = process.runtimeStarted();
                    lookedForRuntime = System.nanoTime();
                }
                exit = process.exitCode();
                if (exit.isPresent()) {
                    end = End.EXITED; // or COMPLETED: its last lines may not have been read yet
                    break;
                }
                if (!output.testsStarted()) {
                    if (elapsed(begin).compareTo(run.settings().startupTimeout()) > 0) {
                        end = End.STARTUP_TIMEOUT;
                        break;
                    }
                } else if (!running) {
                    running = true;
                    onRunning.accept(millis(output.testsStartedNanos() - begin));
                } else if (missedRuntime()) {
                    end = End.NO_RUNTIME;
                    break;
                } else if (output.completed()) {
                    exit = process.exitCodeWithin(WIND_DOWN);
                    end = End.COMPLETED;
                    break;
                } else if (suiteOverdue(output)) {
                    end = End.SUITE_TIMEOUT;
                    break;
                }
                sleep();
            }
            watched = System.nanoTime();
            runtimeUp = runtimeUp || process.runtimeStarted();
            withTracedMessages(process);
            if (end != End.COMPLETED && end != End.EXITED) {
                synchronized (verdicts) {
                    accepting = false;
                }
            }
        }
        output.end(); // the process is closed: its log has been read to the end
        Long startupMs = null;
        Long testsMs = null;
        if (output.testsStarted()) {
            startupMs = millis(output.testsStartedNanos() - begin);
            testsMs = Math.max(0, millis(watched - output.testsStartedNanos()));
            if (!running) onRunning.accept(startupMs); // the CLI was quicker than the loop that watches it
        }
        end = settled(end, missedRuntime(), output.completed());
        synchronized (verdicts) {
            return new Outcome(end, Map.copyOf(verdicts), output.suite(), startupMs, testsMs, exit, runtimeUp);
        }
    }

    /**
     * How an attempt ended, once the CLI's output has been read to the end: it may have exited, its summary and all,
     * before the watch loop saw its last lines — a summary makes an exit a completion, and "No runtimes found" before
     * any verdict makes either a run without a runtime (the CLI's failure, not the tests').
     */
    static End settled(End polled, boolean missedRuntime, boolean completed) {
        if (polled == End.INTERRUPTED) return polled;
        if (missedRuntime) return End.NO_RUNTIME;
        return polled == End.EXITED && completed ? End.COMPLETED : polled;
    }

    /** The suite that runs has been at it longer than its model calls may take, and some of its tests have no verdict. */
    private boolean suiteOverdue(CanonicalOutput output) {
        int suite = output.suite();
        if (suite < 0) return false;
        Suite s = run.spec().suites().get(suite);
        Duration limit = suiteLimit(s);
        if (Duration.ofNanos(System.nanoTime() - output.suiteStartedNanos()).compareTo(limit) <= 0) return false;
        synchronized (verdicts) {
            return jobs.stream().anyMatch(j -> j.id().model().equals(s.model()) && !verdicts.containsKey(j.index()));
        }
    }

    private boolean missedRuntime() {
        synchronized (verdicts) {
            return runtimeMissed;
        }
    }

    /** How long a suite may take: its tests run at once, so its action timeout and the CLI's own bit of work. */
    Duration suiteLimit(Suite suite) {
        return run.settingsFor(suite.model()).actionTimeout().plus(SUITE_SLACK);
    }

    private void record(CanonicalOutput.Verdict v, Consumer<Job> onVerdict) {
        String model = run.spec().suites().get(v.suite()).model();
        for (Job job : jobs) {
            TestCase test = job.test();
            if (!job.id().model().equals(model) || test != v.test()) continue;
            synchronized (verdicts) {
                if (!accepting) return;
                if (verdicts.isEmpty() && v.failure() != null && v.failure().startsWith(NO_RUNTIMES)) {
                    runtimeMissed = true;
                    accepting = false;
                    return;
                }
                if (verdicts.putIfAbsent(job.index(), CanonicalVerdict.of(test, v.failure())) != null) return;
            }
            onVerdict.accept(job);
            return;
        }
    }

    /**
     * The lost messages of errors (Python and Go runtimes), from the traces the CLI recorded, which go with its project
     * root: each from the trace its details name, else (Python's id may be null) from the failed call whose input had
     * the test's messages.
     */
    private void withTracedMessages(CliProcess process) {
        synchronized (verdicts) {
            if (verdicts.values().stream().noneMatch(CanonicalVerdict::messageLost)) return;
        }
        List<CliTraces.FailedAction> failed = process.failedActions();
        synchronized (verdicts) {
            for (Job job : jobs) {
                CanonicalVerdict verdict = verdicts.get(job.index());
                if (verdict == null || !verdict.messageLost()) continue;
                Optional<String> traceId = verdict.traceId();
                JsonNode messages = job.test().input().path("messages");
                failed.stream()
                        .filter(f -> traceId.isPresent()
                                ? f.traceId().equals(traceId.get())
                                : f.input().path("messages").equals(messages))
                        .findFirst()
                        .ifPresent(f -> verdicts.put(job.index(), verdict.withTracedMessage(f.message())));
            }
        }
    }

    CanonicalVerdict verdict(Job job) {
        synchronized (verdicts) {
            return verdicts.get(job.index());
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static Duration elapsed(long beginNanos) {
        return Duration.ofNanos(System.nanoTime() - beginNanos);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
