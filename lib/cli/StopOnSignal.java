package conform.cli;

import conform.console.Console;
import conform.console.SignalHandling;
import conform.diag.ExitCode;
import conform.runner.Interruption;
import conform.runtime.ProcessTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ctrl-C and SIGTERM during a check. The first asks the run to stop: no run or test starts any more, the runtimes are
 * stopped so that calls in flight end, and the run goes on to print and write what finished, with the rest marked
 * interrupted. A second one ends conform at once (its shutdown hook still stops every runtime).
 */
final class StopOnSignal implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(3);
    private final List<SignalHandling> handlings = new ArrayList<>();
    private final Interruption interruption;
    private volatile ExitCode exitCode;

    private StopOnSignal(Interruption interruption) {
        this.interruption = interruption;
    }

    static StopOnSignal install(Interruption interruption, Console console) {
        StopOnSignal stop = new StopOnSignal(interruption);
        stop.watch("INT", "Ctrl-C", ExitCode.INTERRUPTED, console);
        stop.watch("TERM", "SIGTERM", ExitCode.TERMINATED, console);
        return stop;
    }

    private void watch(String signal, String cause, ExitCode code, Console console) {
        SignalHandling.install(signal, () -> {
                    if (exitCode != null) System.exit(exitCode.code);
                    exitCode = code;
                    interruption.request(cause);
                    console.err("  ■ " + cause + ": stopping the runtimes; what finished is kept (" + cause
                            + " again to quit at once)");
                    Thread.ofVirtual().start(() -> ProcessTree.stopAll(GRACE));
                })
                .ifPresent(handlings::add);
    }

    /** The exit code the signal asks for, or null when none came. */
    ExitCode exitCode() {
        return exitCode;
    }

    @Override
    public void close() {
        handlings.forEach(SignalHandling::close);
    }
}
