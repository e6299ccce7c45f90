package conform.support;

import conform.cli.ConformCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One invocation of the conform CLI in-process, with its exit code and captured output. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Path cwd, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ConformCommand.commandLine(new ConformCommand(env, cwd));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun run(Path cwd, String... args) {
        return run(cwd, Map.of(), args);
    }

    /** Everything printed, for assertions that do not care which stream. */
    public String all() {
        return out + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
