package conform.cli;

import conform.diag.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a shell completion script.",
            "bash: source <(./jbang conform completion bash)   zsh: source <(./jbang conform completion zsh)"
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
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
