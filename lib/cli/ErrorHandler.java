package conform.cli;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where errors become exit codes: a {@link ConformException} prints its diagnostic and exits with its
 * own code (usage, config, spec errors: 2), a bad flag exits 2, and anything unexpected is an internal error (3,
 * a short message; the stack trace only with -v). No stack trace otherwise.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        ConformCommand root = ConformCommand.root(cmd);
        if (e instanceof ConformException ce) {
            root.console(cmd).diagnostic(ce.diagnostic());
            return ce.exitCode().code;
        }
        Diagnostic internal = Diagnostic.error("E0900", "internal error: " + e)
                .hint(
                        root.shared.verbose
                                ? "this is a bug in conform; please report it with the trace above"
                                : "rerun with -v to see the stack trace, and please report it");
        if (root.shared.verbose) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            trace.toString().lines().forEach(root.console(cmd)::err);
        }
        root.console(cmd).diagnostic(internal);
        return ExitCode.INTERNAL.code;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        ConformCommand.root(cmd)
                .console(cmd)
                .diagnostic(Diagnostic.error("E0010", e.getMessage()).hint("see `" + name + " --help`"));
        return ExitCode.USAGE.code;
    }
}
