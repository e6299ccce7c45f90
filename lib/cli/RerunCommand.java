package conform.cli;

import conform.runner.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command that repeats one plugin run as the user ran it: how they launched conform, and every option they gave
 * (--emulate, --config, --specs-dir, the filters, the settings), with the run's plugin and runtime and -v.
 */
final class RerunCommand implements Function<RunResult, String> {

    /** What a rerun of one run replaces or does not want: the selection, where results go, the dry run. */
    private static final Set<String> DROPPED =
            Set.of("--runtime", "--report-dir", "--rerun-failed", "--dry-run", "--verbose", "--concurrency");

    private final String launcher;
    private final List<String> options;

    private RerunCommand(String launcher, List<String> options) {
        this.launcher = launcher;
        this.options = options;
    }

    /** @param parsed conform's whole command line, as picocli read it (root first, then the subcommand) */
    static RerunCommand of(String launcher, ParseResult parsed) {
        List<String> options = new ArrayList<>();
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            for (OptionSpec option : level.matchedOptions()) {
                if (DROPPED.contains(option.longestName()) || option.usageHelp() || option.versionHelp()) continue;
                if (option.arity().max() == 0) options.add(option.longestName());
                else
                    option.originalStringValues().forEach(v -> {
                        options.add(option.longestName());
                        options.add(Launcher.shellQuoted(v));
                    });
            }
        }
        return new RerunCommand(launcher, List.copyOf(options));
    }

    @Override
    public String apply(RunResult run) {
        List<String> words = new ArrayList<>(List.of(
                launcher,
                "check-model",
                Launcher.shellQuoted(run.plugin()),
                "--runtime",
                Launcher.shellQuoted(run.runtime())));
        words.addAll(options);
        words.add("-v");
        return String.join(" ", words);
    }
}
