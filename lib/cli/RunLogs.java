package conform.cli;

import conform.console.Console;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a run's runtime and setup logs go: under --report-dir, kept with the reports; otherwise a directory of the
 * run's own in the system's temp dir, removed when the run passes and kept (and named) when it does not, so logs
 * never pile up and a failure's logs are never lost.
 */
final class RunLogs {

    private final Path dir;
    private final boolean temporary;

    private RunLogs(Path dir, boolean temporary) {
        this.dir = dir;
        this.temporary = temporary;
    }

    static RunLogs create(Path reportDir) {
        if (reportDir != null) {
            Path reports = WritableDirectory.create(reportDir, "--report-dir");
            return new RunLogs(WritableDirectory.create(reports.resolve("logs"), "--report-dir"), false);
        }
        try {
            return new RunLogs(Files.createTempDirectory("conform-logs-"), true);
        } catch (IOException e) {
            throw new ConformException(
                    Diagnostic.error("E0012", "cannot create a log directory: " + WritableDirectory.reason(e))
                            .hint("free the system's temp dir, or pass --report-dir DIR"));
        }
    }

    Path dir() {
        return dir;
    }

    /** After the run: a passing run's temporary logs are removed; where any others are kept is said. */
    void finish(boolean passed, Console console) {
        if (!temporary) return;
        if (!passed) {
            console.err("  logs kept in " + dir);
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            console.err("  could not remove the logs in " + dir + ": " + e.getMessage());
        }
    }
}
