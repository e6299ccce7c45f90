package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.ConformJvm;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real Python runtime prints a planted key and a planted endpoint (named in [conform.env]) in a traceback and in its
 * error: no file conform writes, in the report dir or the log dir, may hold either. Logs of a run without --report-dir
 * are kept, and named, when it fails, and removed when it passes.
 */
@ExtendWith(RealRuntimes.class)
class NoSecretInAnyFileTest {

    private static final String KEY = "sk-planted-0123456789abcdef";
    private static final String ENDPOINT = "https://corp.example/planted-endpoint";
    private static final Pattern LOGS = Pattern.compile("logs in (\\S+)");

    @RegisterExtension
    private final TempProject work = TempProject.create();

    /** The Python fixture runtime, with FIXTURE_PLANTED_ENDPOINT declared a secret in [conform.env]. */
    private Path config() {
        return Fixtures.config(work, "[conform.env]\necho = [\"FIXTURE_PLANTED_ENDPOINT\"]", "python");
    }

    /** conform in a JVM of its own, so the runtimes it starts inherit the planted variables as a user's would. */
    private CliRun checkModel(String scenario, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "check-model",
                "--config",
                config().toString(),
                "--specs-dir",
                Fixtures.scenario(scenario).toString(),
                "--no-color"));
        args.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(ConformJvm.command(args))
                .directory(RepoRoot.find().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(work.path("out.txt").toFile())
                .redirectError(work.path("err.txt").toFile());
        builder.environment().put("FIXTURE_PLANTED_API_KEY", KEY);
        builder.environment().put("FIXTURE_PLANTED_ENDPOINT", ENDPOINT);
        Process conform = builder.start();
        try {
            assertTrue(conform.waitFor(3, TimeUnit.MINUTES), "conform finishes");
        } finally {
            conform.destroyForcibly();
        }
        return new CliRun(
                conform.exitValue(), Files.readString(work.path("out.txt")), Files.readString(work.path("err.txt")));
    }

    private static Path logDir(CliRun r) {
        Matcher m = LOGS.matcher(r.err());
        assertTrue(m.find(), r.toString());
        return Path.of(m.group(1));
    }

    /** Every file below {@code dir} that holds the key or the endpoint. */
    private static List<String> leaks(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> found = new ArrayList<>();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                if (text.contains(KEY) || text.contains(ENDPOINT)) found.add(f.toString());
            }
            return found;
        }
    }

    @Test
    void neitherTheReportsNorTheLogsHoldAPlantedSecret() throws Exception {
        Path reports = work.path("reports");
        CliRun r = checkModel("leaky", "--report-dir", reports.toString()).expect(ExitCode.FAILED);
        assertFalse(r.all().contains(KEY) || r.all().contains(ENDPOINT), r.toString());
        String log = Files.readString(reports.resolve("logs/echo-python.log"));
        assertTrue(
                log.contains("Traceback") && log.contains("request to *** failed"),
                "the traceback is there, masked:\n" + log);
        assertEquals(List.of(), leaks(reports));
    }

    @Test
    void aFailingRunKeepsItsLogsAndNamesThemAndTheyHoldNoSecret() throws Exception {
        CliRun r = checkModel("leaky").expect(ExitCode.FAILED);
        Path logs = logDir(r);
        try {
            assertTrue(Files.isRegularFile(logs.resolve("echo-python.log")), r.toString());
            assertTrue(r.err().contains("logs kept in " + logs), r.toString());
            assertEquals(List.of(), leaks(logs));
        } finally {
            try (Stream<Path> files = Files.walk(logs)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aPassingRunLeavesNoLogsBehind() throws Exception {
        CliRun r = checkModel("passing", "--model", "conformtest/echo", "--test", "Multiturn*")
                .expect(ExitCode.OK);
        assertFalse(Files.exists(logDir(r)), "removed after a passing run: " + r);
        assertFalse(r.err().contains("logs kept"), r.toString());
    }
}
