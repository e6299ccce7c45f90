package conform.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A parser's complaint about a spec file, said in the user's terms: SnakeYAML's "while scanning for the next token"
 * becomes "a tab indents line 2", and an unclosed {@code [} says where it opened and what was expected.
 */
final class SyntaxError {

    private static final Map<String, String> FLOW = Map.of(
            "while parsing a flow sequence", "the list opened with `[`",
            "while parsing a flow mapping", "the mapping opened with `{`");

    private SyntaxError() {}

    static ConformException of(Path file, JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause())
            if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) return yaml(file, yaml);
        String message = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
        return new ConformException(
                Diagnostic.error("E0201", "invalid " + (SourceTree.isJson(file) ? "JSON" : "YAML") + ": " + message)
                        .at(SourceTree.at(file, e.getLocation())));
    }

    private static ConformException yaml(Path file, MarkedYAMLException e) {
        String problem = e.getProblem();
        SourceLocation where = at(file, e.getProblemMark());
        if (problem.contains("\\t(TAB)")) {
            return new ConformException(Diagnostic.error(
                            "E0201", "invalid YAML: a tab at line " + where.line() + " where YAML needs spaces")
                    .at(where)
                    .hint("indent with spaces: YAML does not allow tabs for indentation"));
        }
        String flow = e.getContext() == null ? null : FLOW.get(e.getContext());
        if (flow != null && problem.startsWith("expected ")) {
            SourceLocation opened = at(file, e.getContextMark());
            String expected = problem.substring("expected ".length(), problem.indexOf(", but got"))
                    .replace("'", "`");
            return new ConformException(Diagnostic.error(
                            "E0201",
                            "invalid YAML: " + flow + " at line " + opened.line() + " is not closed: expected "
                                    + expected + ", found " + found(problem) + " at line " + where.line())
                    .at(opened)
                    .hint("close it, or put each item on its own line with `- ` (a list) or `key: value`"));
        }
        Diagnostic d = Diagnostic.error("E0201", "invalid YAML: " + problem).at(where);
        if (e.getContext() != null)
            d = d.note(e.getContext()
                    + (e.getContextMark() == null ? "" : " that starts at " + at(file, e.getContextMark())));
        return new ConformException(d);
    }

    /** SnakeYAML's name for the token it got, as a reader would say it. */
    private static String found(String problem) {
        String got = problem.substring(problem.indexOf(", but got ") + ", but got ".length())
                .strip();
        return switch (got) {
            case "<stream end>" -> "the end of the file";
            case "<block end>", "<block mapping end>", "<block sequence end>" -> "the end of the block";
            case "<scalar>" -> "a value";
            default -> got.startsWith("<") ? got : "`" + got + "`";
        };
    }

    /** SnakeYAML's marks count from 0. */
    private static SourceLocation at(Path file, Mark mark) {
        return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
