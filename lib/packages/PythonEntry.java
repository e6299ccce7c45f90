package conform.packages;

import conform.config.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Python entry: {@code <plugin>.py} beside {@code _conformrt.py}, run by the pinned venv like the shipped ones. */
final class PythonEntry implements EntryScaffold {

    private static final Pattern REQUIREMENT = Pattern.compile("(?m)^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");

    @Override
    public Optional<String> missing(RuntimeConfig rt) {
        Path helpers = rt.entriesDir().resolve("_conformrt.py");
        return Files.isRegularFile(helpers)
                ? Optional.empty()
                : Optional.of(
                        helpers + " (conform's shared helpers for Python entries, in its checkout's entries/python)");
    }

    @Override
    public String source(RuntimeConfig rt, PluginPackage pkg, PluginFactory f, String plugin) {
        return """
            \"""conform entry: Genkit Python + %s (written by `conform new-entry`).

            The plugin is %s.%s: %s.
            %s
            %s

            Run: GENKIT_ENV=dev .venv/bin/python %s   (cwd = %s)
            \"""

            import _conformrt as conformrt  # first: see its docstring

            from %s import %s


            if __name__ == '__main__':
                conformrt.serve(conformrt.with_spec_models(%s)())
            """.formatted(
                        pkg.pkg(),
                        f.module(),
                        f.symbol(),
                        EntryScaffold.choice(f, "Plugin class"),
                        EntryScaffold.OPTIONS_NOTE.get(0),
                        EntryScaffold.OPTIONS_NOTE.get(1),
                        rt.cwd().relativize(rt.entryPath(plugin)),
                        rt.cwd().getFileName(),
                        f.module(),
                        f.symbol(),
                        f.symbol());
    }

    @Override
    public Optional<String> install(RuntimeConfig rt, PluginPackage pkg) {
        Path requirements = rt.cwd().resolve("requirements.txt");
        Matcher m = REQUIREMENT.matcher(SourceFiles.read(requirements));
        while (m.find()) {
            if (PythonPackages.normalized(m.group(1)).equals(PythonPackages.normalized(pkg.pkg())))
                return Optional.empty();
        }
        String pin = pkg.pkg() + (pkg.version() == null ? "" : "==" + pkg.version());
        return Optional.of("pin " + pin + " (and what it needs) in " + requirements + "; the next run installs it (or"
                + " test the working copy as it is: --source python:" + pkg.pkg() + "=" + pkg.dir() + ")");
    }
}
