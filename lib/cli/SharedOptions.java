package conform.cli;

import conform.config.Transport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every subcommand takes, before or after the subcommand's name. */
public final class SharedOptions {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description =
                    "conform.toml to use (default: $CONFORM_CONFIG, else the first conform.toml found walking up from"
                            + " the current directory, else the conform.toml of the checkout that ./jbang or the"
                            + " catalog alias started)")
    Path config;

    @Option(
            names = "--runtime",
            paramLabel = "NAME",
            split = ",",
            scope = ScopeType.INHERIT,
            description = "Runtime(s) to use, comma-separated or repeated (default: all configured)")
    List<String> runtimes = new ArrayList<>();

    @Option(
            names = "--specs-dir",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Read specs from DIR instead of each runtime's specs-dir")
    Path specsDir;

    @Option(
            names = "--transport",
            paramLabel = "v1|v2|auto",
            scope = ScopeType.INHERIT,
            description =
                    "Reflection API to drive the runtimes through: v1 (HTTP), v2 (WebSocket), or auto, v2 where the"
                            + " runtime has it (default: each runtime's `transport` in conform.toml, else auto)")
    Transport transport;

    @Option(
            names = "--source",
            paramLabel = "RUNTIME:PACKAGE=PATH",
            scope = ScopeType.INHERIT,
            description = "Use the local source in PATH instead of the published PACKAGE in RUNTIME (repeatable;"
                    + " e.g. js:@genkit-ai/anthropic=../genkit/js/plugins/anthropic); beats conform.toml's sources")
    List<String> sources = new ArrayList<>();

    @Option(
            names = "--no-sources",
            scope = ScopeType.INHERIT,
            description = "Ignore the local sources conform.toml names: the published packages, and --source's only")
    boolean noSources;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "More detail: per-test lines, runtime logs, stack traces of internal errors")
    boolean verbose;

    @Option(
            names = "--no-color",
            scope = ScopeType.INHERIT,
            description = "Plain output without colours (also: NO_COLOR, CI=true, or not a terminal)")
    boolean noColor;
}
