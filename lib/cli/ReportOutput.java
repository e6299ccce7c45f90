package conform.cli;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.models.ModelInventory;
import conform.report.ModelsFile;
import conform.report.Reports;
import conform.report.ResultsDocument;
import conform.report.ResultsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Where a run's results go besides the console: files in a directory, and annotations under GitHub Actions. */
final class ReportOutput {

    private ReportOutput() {}

    /**
     * Writes the reports (and results.json and models.json, when {@code withResults}) into {@code dir}, telling
     * {@code say} each path. A place conform cannot write is a usage error with the OS's reason.
     *
     * @param inventory the model inventory of the plugins that ran (a section of report.html), or null
     */
    static void write(
            Path dir,
            ResultsDocument document,
            ModelInventory inventory,
            boolean withResults,
            Workspace ws,
            Consumer<String> say) {
        try {
            if (withResults) say.accept("  results: " + ResultsFile.write(dir, document));
            if (withResults && inventory != null) say.accept("  models: " + ModelsFile.write(dir, inventory));
            for (Path written : Reports.write(dir, document, inventory, ws.env)) say.accept("  report: " + written);
        } catch (IOException e) {
            throw new ConformException(
                    Diagnostic.error("E0012", "cannot write the reports to " + dir + ": " + WritableDirectory.reason(e))
                            .hint("pass a directory conform can create and write"));
        }
    }

    /** {@code ::error} lines for GitHub Actions, on stdout where the runner reads them. */
    static void annotate(ResultsDocument document, Workspace ws) {
        Reports.annotations(document, ws.env).forEach(ws.console::out);
    }
}
