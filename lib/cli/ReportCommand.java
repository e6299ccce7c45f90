package conform.cli;

import conform.diag.ExitCode;
import conform.models.ModelInventory;
import conform.report.ModelsFile;
import conform.report.ResultsDocument;
import conform.report.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Render the reports (junit.xml, summary.md, report.html) again from a results.json.",
            "Exits 1 when the results hold failures, like the run that wrote them."
        })
final class ReportCommand extends Subcommand {

    @Parameters(paramLabel = "RESULTS.json", description = "A results.json written by check-model --report-dir")
    Path results;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where to write the reports (default: beside RESULTS.json)")
    Path out;

    @Override
    ExitCode run(Workspace ws) {
        Path file = ws.path(results);
        ResultsDocument document = ResultsFile.read(file);
        // The model inventory the same run wrote beside its results becomes report.html's section again.
        Path models = file.resolveSibling(ModelsFile.FILE_NAME);
        ModelInventory inventory = Files.isRegularFile(models) ? ModelsFile.read(models) : null;
        ReportOutput.write(
                out != null ? ws.path(out) : file.getParent(), document, inventory, false, ws, ws.console::out);
        ReportOutput.annotate(document, ws);
        return document.passed() ? ExitCode.OK : ExitCode.FAILED;
    }
}
