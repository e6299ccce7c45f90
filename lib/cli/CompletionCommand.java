package conform.cli;

import conform.diag.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a shell completion script for `conform`.",
            "bash: source <(./jbang conform completion bash)   zsh: source <(./jbang conform completion zsh)",
            "Started through ./jbang or the JBang catalog, the script also defines `alias conform=…` for that"
                    + " command, usable from any directory, so that `conform` is the command it completes."
        })
final class CompletionCommand extends Subcommand {

    enum Shell {
        bash,
        zsh
    }

    @Parameters(
            paramLabel = "SHELL",
            arity = "0..1",
            defaultValue = "bash",
            description = "bash or zsh (default: bash)")
    Shell shell;

    @Override
    ExitCode run(Workspace ws) {
        // picocli's script serves both shells: under zsh it loads bashcompinit itself.
        String script = AutoComplete.bash("conform", spec.root().commandLine());
        spec.commandLine().getOut().print(alias(ws) + script);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** Shells complete a command by its first word, never `./jbang conform`: an alias makes that command `conform`. */
    private static String alias(Workspace ws) {
        if (Launcher.plain(ws.env)) return "";
        return "# conform was started as `" + Launcher.prefix(ws.env) + "`: `conform` is that command from here on.\n"
                + "alias conform=" + Launcher.shellQuoted(Launcher.fromAnywhere(ws.env)) + "\n";
    }
}
