package conform.report;

import static org.junit.jupiter.api.Assertions.*;

import conform.console.Console;
import conform.console.ModelsView;
import conform.console.RunSummary;
import conform.console.Style;
import conform.models.ModelInventory;
import conform.redact.Redactor;
import conform.runner.RunResult;
import conform.runtime.SourceRevision;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every report says which runs used local sources, and how: none passes a local build off as the published one. */
class LocalSourcesReportTest {

    private static final SourceRevision LOCAL = new SourceRevision(
            "@genkit-ai/compat-oai",
            "/work/genkit/js/plugins/compat-oai",
            "0123456789abcdef0123456789abcdef01234567",
            true);
    private static final String LINE =
            "js: @genkit-ai/compat-oai from /work/genkit/js/plugins/compat-oai (git 0123456789ab, uncommitted changes)";

    @RegisterExtension
    private final TempProject out = TempProject.create();

    /** The fixture's results with its js runs on the local source and its other runs on the published packages. */
    private static ResultsDocument withLocalJs() {
        ResultsDocument published =
                ResultsFile.read(RepoRoot.find().resolve("tests/fixtures/results/every-status.json"));
        List<RunResult> runs = published.runs().stream()
                .map(r -> r.runtime().equals("js") ? r.withSources(List.of(LOCAL)) : r)
                .toList();
        return ResultsDocument.of(runs, published.startedAt(), published.wallMs(), published.conform());
    }

    @Test
    void resultsJsonRecordsEachRunsSourcesWithTheirGitState() throws Exception {
        ResultsDocument read = ResultsFile.read(ResultsFile.write(out.root(), withLocalJs()));
        String json = Files.readString(out.path(ResultsFile.FILE_NAME));
        assertTrue(json.contains("\"package\" : \"@genkit-ai/compat-oai\"") && json.contains("\"dirty\" : true"), json);
        for (RunResult run : read.runs())
            assertEquals(run.runtime().equals("js") ? List.of(LOCAL) : List.of(), run.sources(), run.plugin());
    }

    @Test
    void theMarkdownSummaryJunitAndHtmlNameTheSourcesAndTheRunsThatUsedThem() {
        String md = MarkdownSummary.render(withLocalJs());
        assertTrue(md.contains("**Local sources** (not the published packages)"), md);
        assertTrue(md.contains("- " + LINE + ", for echo"), md);
        assertTrue(md.contains("| js (local sources) |"), md);

        String junit = JunitXml.render(withLocalJs());
        assertTrue(junit.contains("<property name=\"conform.local-source\" value=\"@genkit-ai/compat-oai from"), junit);

        String html = HtmlReport.render(withLocalJs());
        assertTrue(html.contains("<h2 id=\"local-sources\">Local sources</h2>"), html);
        assertTrue(html.contains("<code>" + LINE + ", for echo</code>"), html);
    }

    @Test
    void reportsOfThePublishedPackagesSayNothingAboutSources() {
        ResultsDocument published =
                ResultsFile.read(RepoRoot.find().resolve("tests/fixtures/results/every-status.json"));
        assertFalse(MarkdownSummary.render(published).contains("ocal sources"));
        assertFalse(JunitXml.render(published).contains("local-source"));
        assertFalse(HtmlReport.render(published).contains("ocal sources"));
    }

    @Test
    void theModelInventoryNamesTheSourcesItsRuntimesWereListedWith() throws Exception {
        ModelInventory inventory = new ModelInventory("0.1.0", "now", List.of(), Map.of("js", List.of(LOCAL)));
        ModelInventory read = ModelsFile.read(ModelsFile.write(out.root(), inventory));
        assertEquals(Map.of("js", List.of(LOCAL)), read.localSources());
        assertTrue(HtmlReport.renderModels(read).contains("<code>" + LINE + "</code>"));
        assertTrue(String.join("\n", ModelsView.render(read, false, Style.plain()))
                .contains("Local sources (instead of the published packages)\n  " + LINE));
        ModelInventory published = new ModelInventory("0.1.0", "now", List.of(), Map.of());
        ModelsFile.write(out.root(), published);
        assertFalse(Files.readString(out.path(ModelsFile.FILE_NAME)).contains("local_sources"));
    }

    @Test
    void theConsoleSummaryNamesTheSourcesAndMarksTheRuns() {
        StringWriter err = new StringWriter();
        Console console = new Console(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                Style.plain(),
                Redactor.fromEnvironment(Map.of(), List.of()));
        RunSummary.print(console, withLocalJs().runs(), 1000, run -> "rerun");
        assertTrue(err.toString().contains("Local sources (not the published packages)\n  " + LINE), err.toString());
        assertTrue(err.toString().contains("local sources"), err.toString());
    }
}
