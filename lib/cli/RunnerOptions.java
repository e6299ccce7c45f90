package conform.cli;

import conform.config.RuntimeConfig;
import conform.config.Transport;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.runner.Runner;
import conform.spec.CanonicalSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** --runner (and --use-cli, the original tool's name for --runner cli): which runner gives the verdicts. */
final class RunnerOptions {

    /** The values of --runner. */
    enum Choice {
        CONFORM,
        CLI,
        BOTH
    }

    @Option(
            names = "--runner",
            paramLabel = "RUNNER",
            description = {
                "What runs the tests: conform (its own engine; the default), cli (the canonical genkit dev:test-model,"
                        + " pinned and installed by setup) or both (each in turn, and their verdicts compared)"
            })
    Choice choice;

    @Option(names = "--use-cli", description = "The same as --runner cli")
    boolean useCli;

    private Choice chosen() {
        return useCli ? Choice.CLI : choice == null ? Choice.CONFORM : choice;
    }

    /** The runners to run, in order; the first gives the verdicts that decide the run. */
    List<Runner> runners() {
        return switch (chosen()) {
            case CONFORM -> List.of(Runner.CONFORM);
            case CLI -> List.of(Runner.CLI);
            case BOTH -> List.of(Runner.CONFORM, Runner.CLI);
        };
    }

    boolean compares() {
        return chosen() == Choice.BOTH;
    }

    boolean usesCli() {
        return runners().contains(Runner.CLI);
    }

    /**
     * The note that the genkit CLI, a reflection v1 manager, speaks v1 with runtimes told to speak v2 (--transport v2
     * or a runtime's {@code transport} key), or empty when none is.
     */
    Optional<String> v1Only(Plan plan) {
        List<String> forced = plan.runnable().stream()
                .map(PlannedRun::runtime)
                .filter(rt -> rt.transport() == Transport.V2)
                .map(RuntimeConfig::name)
                .distinct()
                .toList();
        if (forced.isEmpty()) return Optional.empty();
        return Optional.of("  " + Runner.CLI.title + " speaks reflection v1 with the runtimes it starts: transport v2 ("
                + String.join(", ", forced) + ") holds for conform's own runs only");
    }

    /**
     * --use-cli with another --runner is a usage error; with the genkit CLI as a runner, every spec the plan runs must be
     * one it can read, else a spec error now.
     */
    void check(Plan plan) {
        if (useCli && choice != null && choice != Choice.CLI)
            throw new ConformException(Diagnostic.error(
                            "E0011",
                            "--use-cli means --runner cli, which contradicts --runner "
                                    + choice.name().toLowerCase(Locale.ROOT))
                    .hint("give one of them"));
        if (!usesCli()) return;
        for (PlannedRun run : plan.runnable()) CanonicalSpec.render(run.spec());
    }
}
