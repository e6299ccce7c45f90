package conform.cli;

import conform.diag.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand shares: its place under `conform`, the workspace it works in, and an exit code as its result. */
abstract class Subcommand implements Callable<Integer> {

    @ParentCommand
    ConformCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return run(root.workspace(spec.commandLine())).code;
    }

    abstract ExitCode run(Workspace ws) throws Exception;
}
