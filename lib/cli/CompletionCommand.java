package conform.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "completion", mixinStandardHelpOptions = true, description = {"Print a shell completion script.",
        "bash: source <(./jbang conform completion bash)   zsh: source <(./jbang conform completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", arity = "0..1", defaultValue = "bash", description = "bash or zsh (default: bash)")
    Shell shell;

    @Override
    public Integer call() {
        // picocli's script serves both shells: under zsh it loads bashcompinit itself.
        String script = AutoComplete.bash("conform", spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
