package conform.cli;

import conform.config.ConfigLoader;
import conform.config.ConformConfig;
import conform.config.LocalSource;
import conform.console.Console;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.plan.Inventory;
import conform.plan.PluginNames;
import conform.runtime.SourceOverlay;
import conform.spec.BuiltinTests;
import conform.spec.SpecLoader;
import conform.validate.ValidatorRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a subcommand works with, loaded on first use: the config, what is on disk, validators and test cases. */
final class Workspace {

    final SharedOptions options;
    final Map<String, String> env;
    final Console console;
    private final Path cwd;
    private ConformConfig written;
    private ConformConfig config; // with --specs-dir applied
    private Inventory inventory;
    private ValidatorRegistry validators;

    Workspace(SharedOptions options, Map<String, String> env, Path cwd, Console console) {
        this.options = options;
        this.env = env;
        this.cwd = cwd;
        this.console = console;
    }

    ConformConfig config() {
        if (config == null) {
            written = ConfigLoader.load(ConfigLoader.locate(
                    options.config, env, cwd, Launcher.checkout(env, cwd).orElse(null)));
            config = options.specsDir == null
                    ? written
                    : written.withSpecsDir(directoryFlag(
                            "--specs-dir",
                            options.specsDir.toString(),
                            "the directory that holds the <plugin>.yaml specs"));
            if (!options.sources.isEmpty() || options.noSources)
                config = config.withSources(LocalSource.fromArguments(options.sources, cwd), options.noSources);
            config.runtimes().values().forEach(SourceOverlay::check);
            if (options.transport != null) config = config.withTransport(options.transport);
            // The variables [conform.env] names are secrets whatever they are called (an endpoint, an account id).
            console.redactor()
                    .alsoMask(
                            config.env().values().stream().flatMap(List::stream).toList(), env);
        }
        return config;
    }

    /** What is on disk; the plugins conform.toml names must have a spec there or in its own specs directories. */
    Inventory inventory() {
        if (inventory == null) {
            Inventory scanned = Inventory.scan(config());
            Set<String> withSpecs = new TreeSet<>(scanned.pluginsWithSpecs());
            if (options.specsDir != null)
                withSpecs.addAll(Inventory.scan(written).pluginsWithSpecs());
            PluginNames.check(config(), withSpecs);
            inventory = scanned;
        }
        return inventory;
    }

    /** A path given on the command line, resolved against the working directory conform runs in. */
    Path path(Path given) {
        return given == null ? null : cwd.resolve(given).normalize();
    }

    /**
     * A directory a flag names, resolved against the working directory; it must be one, or a typo would find nothing
     * and say only that.
     *
     * @param what what the flag should name, for the hint
     */
    Path directoryFlag(String flag, String given, String what) {
        Path dir = path(Path.of(given));
        if (!Files.isDirectory(dir)) {
            throw new ConformException(Diagnostic.error(
                            "E0016", flag + " " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist"))
                    .hint("pass " + what));
        }
        return dir;
    }

    ValidatorRegistry validators() {
        if (validators == null) validators = ValidatorRegistry.builtins();
        return validators;
    }

    SpecLoader specLoader() {
        return new SpecLoader(BuiltinTests.load(validators()), validators());
    }
}
