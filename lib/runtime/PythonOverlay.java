package conform.runtime;

import conform.config.LocalSource;
import conform.config.SetupStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Python: a venv of the overlay's own, without packages, that sees the pinned venv's packages after its own (a
 * {@code .pth} file that adds the pinned site-packages, named relative to the venv, so a copied checkout's overlay
 * sees the copy's), with each local source installed editable into it by pip: its directory comes before the pinned
 * package, which stays installed where it is (pip does not uninstall outside the venv it installs into). An edit of
 * the local code needs nothing re-installed; an edit of the package's metadata (pyproject.toml, setup.py, setup.cfg)
 * installs it again. Dependencies the pinned venv lacks, or holds at a version the source does not accept, are
 * installed into the overlay's venv.
 */
final class PythonOverlay implements SourceOverlay {

    private static final String PINNED_VENV = ".venv/";
    private static final List<String> METADATA = List.of("pyproject.toml", "setup.py", "setup.cfg");
    /** Run by the pinned venv's python with the overlay's venv as argument: links the pinned site-packages into it. */
    private static final String LINK_PINNED_PACKAGES = """
        import os, sys, sysconfig
        overlay = os.path.abspath(sys.argv[1])
        pinned = sysconfig.get_paths()["purelib"]
        own = sysconfig.get_paths(vars={"base": overlay, "platbase": overlay})["purelib"]
        with open(os.path.join(own, "zz-conform-pinned-venv.pth"), "w") as pth:
            pth.write("import os, site, sys; site.addsitedir(os.path.join(sys.prefix, %r))\\n"
                      % os.path.relpath(pinned, overlay))
        """;

    @Override
    public Optional<Problem> check(String pkg, Path dir) {
        Path pyproject = dir.resolve("pyproject.toml");
        if (!Files.isRegularFile(pyproject)) {
            return Files.isRegularFile(dir.resolve("setup.py"))
                    ? Optional.empty()
                    : Optional.of(new Problem(
                            dir + " has neither pyproject.toml nor setup.py",
                            "point the source at the project's own folder, where its pyproject.toml is"));
        }
        TomlParseResult toml;
        try {
            toml = Toml.parse(pyproject);
        } catch (IOException e) {
            return Optional.of(new Problem("cannot read " + pyproject + ": " + e.getMessage(), "check the file"));
        }
        if (toml.hasErrors()) {
            return Optional.of(new Problem(
                    pyproject + " is not valid TOML: " + toml.errors().get(0).toString(), "fix the pyproject.toml"));
        }
        String name = toml.getString("project.name");
        if (name != null && !normalized(name).equals(normalized(pkg))) {
            return Optional.of(new Problem(
                    pyproject + " is the project `" + name + "`, not `" + pkg + "`",
                    "point the source at the folder of " + pkg));
        }
        return Optional.empty();
    }

    /** A project name as PyPI compares them (PEP 503): case and runs of '-', '_', '.' do not matter. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    @Override
    public List<SetupStep> setup(List<SetupStep> published, List<LocalSource> sources, String overlay) {
        String venv = overlay + "/venv";
        String python = venv + "/bin/python";
        List<SetupStep> steps = new ArrayList<>(published);
        // The pinned venv's interpreter makes the overlay's venv: the same Python, so the same site-packages layout.
        steps.add(new SetupStep(
                List.of(PINNED_VENV + "bin/python", "-m", "venv", "--without-pip", venv), List.of(), python));
        steps.add(
                new SetupStep(List.of(PINNED_VENV + "bin/python", "-c", LINK_PINNED_PACKAGES, venv), List.of(), null));
        for (LocalSource source : sources) {
            steps.add(new SetupStep(
                    List.of(
                            python,
                            "-m",
                            "pip",
                            "install",
                            "--quiet",
                            "--disable-pip-version-check",
                            "--editable",
                            source.dir().toString()),
                    METADATA.stream()
                            .map(file -> source.dir().resolve(file).toString())
                            .toList(),
                    null));
        }
        return List.copyOf(steps);
    }

    @Override
    public String relocate(String arg, String overlay) {
        return arg.startsWith(PINNED_VENV) ? overlay + "/venv/" + arg.substring(PINNED_VENV.length()) : arg;
    }
}
