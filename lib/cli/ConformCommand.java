package conform.cli;

import conform.console.Console;
import conform.console.Style;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.redact.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "conform",
        mixinStandardHelpOptions = true,
        versionProvider = ConformCommand.Version.class,
        description = {"Model conformance tests for Genkit plugins, across the JS, Python and Go runtimes.", ""},
        subcommands = {
            CheckModelCommand.class,
            CheckPluginCommand.class,
            NewEntryCommand.class,
            ModelsCommand.class,
            ListCommand.class,
            SetupCommand.class,
            EmulateCommand.class,
            ReportCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 success · 1 test failures or errors · 2 usage, config or spec errors, or nothing selected ·"
                    + " 3 internal error"
        })
public final class ConformCommand implements Callable<Integer> {

    public static final String VERSION = "0.1.0";

    @Mixin
    final SharedOptions shared = new SharedOptions();

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Path cwd;
    /** Writing to the process's own stdout, where colour depends on the terminal; otherwise output is captured and plain. */
    private final boolean processOutput;

    private Console console;

    private ConformCommand(Map<String, String> env, Path cwd, boolean processOutput) {
        this.env = Map.copyOf(env);
        this.cwd = cwd;
        this.processOutput = processOutput;
    }

    /** For tests and embedding: an explicit environment and working directory, and plain output. */
    public ConformCommand(Map<String, String> env, Path cwd) {
        this(env, cwd, false);
    }

    public static int execute(String[] args) {
        return commandLine(new ConformCommand(System.getenv(), Path.of("").toAbsolutePath(), true))
                .execute(args);
    }

    public static CommandLine commandLine(ConformCommand root) {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(root)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Bare `conform` names no command: the usage on stderr, and a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        console(spec.commandLine())
                .diagnostic(Diagnostic.error("E0010", "no command given")
                        .hint("run one of the commands above, e.g. `" + Launcher.prefix(env)
                                + " check-model --dry-run`"));
        return ExitCode.USAGE.code;
    }

    static ConformCommand root(CommandLine cmd) {
        return top(cmd).getCommand();
    }

    private static CommandLine top(CommandLine cmd) {
        CommandLine top = cmd;
        while (top.getParent() != null) top = top.getParent();
        return top;
    }

    Console console(CommandLine cmd) {
        if (console == null) {
            CommandLine top = top(cmd);
            Style style = processOutput ? Style.detect(shared.noColor) : Style.plain();
            console = new Console(top.getOut(), top.getErr(), style, Redactor.fromEnvironment(env, List.of()));
        }
        return console;
    }

    Workspace workspace(CommandLine cmd) {
        return new Workspace(shared, env, cwd, console(cmd));
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "conform " + VERSION,
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                "picocli " + CommandLine.VERSION
            };
        }
    }
}
