package conform.console;

import conform.runner.Runner;
import conform.runner.VerdictComparison;
import conform.runner.VerdictComparison.Disagreement;

/**
 * The verdict comparison of --runner both on the console, after the summary: how many tests both runners judged, then
 * every test they disagree on with both verdicts and messages, each labelled with the documented choice that explains
 * it or as unexplained (which fails the check).
 */
public final class ComparisonView {

    private static final String DOCS = "docs/validators.md";

    private ComparisonView() {}

    public static void print(Console console, VerdictComparison comparison) {
        Style style = console.style();
        String them = comparison.runner().title;
        int disagree = comparison.disagreements().size();
        long unexplained = comparison.unexplained();
        console.err(style.bold("Verdict comparison") + " · conform and " + them + " · " + comparison.compared()
                + " test(s) judged by both · "
                + (disagree == 0
                        ? style.green("they agree on every one")
                        : disagree + " disagreement(s), " + (disagree - unexplained) + " explained by a documented"
                                + " choice, " + (unexplained == 0 ? "0" : style.red(String.valueOf(unexplained)))
                                + " unexplained"));
        if (disagree == 0) {
            console.err("");
            return;
        }
        Table table = new Table("Plugin", "Runtime", "Model", "Test", "conform", Runner.CLI.label(), "Why");
        for (Disagreement d : comparison.disagreements()) {
            table.row(
                    d.plugin(),
                    d.runtime(),
                    d.model(),
                    d.test(),
                    d.own().status().label(),
                    d.canonical().status().label(),
                    d.explained() ? d.choice() + " (" + DOCS + ")" : style.red("unexplained"));
        }
        table.render(style).forEach(console::err);
        for (Disagreement d : comparison.disagreements()) {
            if (d.explained()) continue;
            console.err("  " + style.red("unexplained") + ": " + d.id());
            console.err("    conform: " + ProgressLines.firstLine(d.own().toString()));
            console.err(
                    "    " + them + ": " + ProgressLines.firstLine(d.canonical().toString()));
        }
        console.err("");
    }
}
