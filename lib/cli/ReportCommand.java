package conform.cli;

import conform.report.ResultsDocument;
import conform.report.ResultsFile;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, description = {
        "Render the reports (junit.xml, summary.md, report.html) again from a results.json.",
        "Exits 1 when the results hold failures, like the run that wrote them."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    ConformCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS.json", description = "A results.json written by check-model --report-dir")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the reports (default: beside RESULTS.json)")
    Path out;

    @Override
    public Integer call() {
        Workspace ws = root.workspace(spec.commandLine());
        ResultsDocument document = ResultsFile.read(results);
        Path dir = out != null ? out : results.toAbsolutePath().getParent();
        try {
            for (Path written : Reports.write(dir, document, ws.env)) ws.console.out("  " + written);
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0012", "cannot write reports to " + dir + ": " + e.getMessage())
                    .hint("check that the directory is writable"), 1, e);
        }
        Reports.annotations(document, ws.env).forEach(ws.console::out);
        return document.passed() ? 0 : 1;
    }
}
