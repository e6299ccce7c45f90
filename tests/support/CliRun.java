package conform.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.cli.ConformCommand;
import conform.diag.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** One invocation of the conform CLI in-process, with its exit code and captured output. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Path cwd, Map<String, String> env, String... args) {
        env = withPath(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ConformCommand.commandLine(new ConformCommand(env, cwd));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun run(Path cwd, String... args) {
        return run(cwd, withPath(Map.of()), args);
    }

    /** From {@code cwd} with this process's whole environment, which real runtimes need (PATH, HOME, caches). */
    public static CliRun withProcessEnvironment(Path cwd, String... args) {
        return run(cwd, new HashMap<>(System.getenv()), args);
    }

    /** {@code env} plus this process's PATH, so toolchain checks see the machine's node, python3 and go. */
    public static Map<String, String> withPath(Map<String, String> env) {
        Map<String, String> out = new HashMap<>(env);
        out.putIfAbsent("PATH", System.getenv().getOrDefault("PATH", ""));
        return out;
    }

    /** Asserts the exit code; a failure shows everything conform printed. */
    public CliRun expect(ExitCode code) {
        return expect(code, "");
    }

    public CliRun expect(ExitCode code, String why) {
        assertEquals(code.code, exitCode, (why.isEmpty() ? "" : why + "\n") + this);
        return this;
    }

    /** Asserts that stdout says each of {@code fragments}; a failure shows everything conform printed. */
    public CliRun expectOut(String... fragments) {
        return expectIn("stdout", out, fragments);
    }

    /** Asserts that stderr says each of {@code fragments}; a failure shows everything conform printed. */
    public CliRun expectErr(String... fragments) {
        return expectIn("stderr", err, fragments);
    }

    private CliRun expectIn(String stream, String printed, String... fragments) {
        for (String fragment : fragments)
            assertTrue(printed.contains(fragment), stream + " does not say \"" + fragment + "\"\n" + this);
        return this;
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
