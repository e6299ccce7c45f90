package conform.config;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Use this local directory instead of the published package" for one package in one runtime: a plugin's working
 * copy, tested as it is ({@code [conform.runtimes.<runtime>.sources]} or {@code --source RUNTIME:PACKAGE=PATH}).
 *
 * @param pkg      the package as the runtime names it: the npm package, the PyPI project, the Go module path
 * @param dir      the local source's directory, absolute
 * @param origin   where it was given, for messages: the key in conform.toml or the --source argument
 * @param location where conform.toml gives it, or null when the command line does
 */
public record LocalSource(String runtime, String pkg, Path dir, String origin, SourceLocation location) {

    private static final Pattern ARGUMENT = Pattern.compile("([a-z][a-z0-9_-]*):([^=]+)=(.+)");

    /**
     * The {@code --source RUNTIME:PACKAGE=PATH} arguments, each path relative to {@code cwd}; the same package of a
     * runtime given twice is an error, since only one of them could be used.
     */
    public static List<LocalSource> fromArguments(List<String> args, Path cwd) {
        Map<String, LocalSource> byPackage = new LinkedHashMap<>();
        for (String arg : args) {
            Matcher m = ARGUMENT.matcher(arg.strip());
            if (!m.matches()) {
                throw new ConformException(
                        Diagnostic.error("E0017", "`--source " + arg + "` is not RUNTIME:PACKAGE=PATH")
                                .hint("for example --source js:@genkit-ai/anthropic=../genkit/js/plugins/anthropic"));
            }
            LocalSource source = new LocalSource(
                    m.group(1),
                    m.group(2).strip(),
                    cwd.resolve(m.group(3).strip()).normalize(),
                    "--source " + arg,
                    null);
            LocalSource earlier = byPackage.put(source.runtime() + ":" + source.pkg(), source);
            if (earlier != null && !earlier.dir().equals(source.dir())) {
                throw new ConformException(Diagnostic.error(
                                "E0017",
                                "`" + source.runtime() + ":" + source.pkg() + "` is given twice: " + earlier.dir()
                                        + " and " + source.dir())
                        .hint("keep one --source for each package"));
            }
        }
        return new ArrayList<>(byPackage.values());
    }

    /** An error about this source, at its line in conform.toml or naming its --source argument. */
    public ConformException problem(String what, String hint) {
        Diagnostic d = location == null
                ? Diagnostic.error("E0107", "`" + origin + "`: " + what)
                : Diagnostic.error("E0107", what).at(location).note("given by " + origin);
        return new ConformException(d.hint(hint));
    }

    /** How listings name it: {@code runtime:package=dir}, the shape of --source. */
    @Override
    public String toString() {
        return runtime + ":" + pkg + "=" + dir;
    }
}
