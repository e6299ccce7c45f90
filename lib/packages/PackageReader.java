package conform.packages;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * How conform reads one runtime's plugin packages: which folder is a package, what it is called and what entries
 * import of it, whether its sources define models (the rule check-plugin applies), and the plugin an entry would add.
 * Only the runtimes conform knows (js, python, go) have one.
 */
public sealed interface PackageReader permits JsPackages, PythonPackages, GoPackages {

    static Optional<PackageReader> of(String runtime) {
        return switch (runtime) {
            case "js" -> Optional.of(new JsPackages());
            case "python" -> Optional.of(new PythonPackages());
            case "go" -> Optional.of(new GoPackages());
            default -> Optional.empty();
        };
    }

    /** What a package of this runtime is, for messages: "npm package (a folder with a package.json)". */
    String describe();

    /** The package in {@code dir}, or empty when {@code dir} holds none of this runtime's. */
    Optional<PluginPackage> read(Path dir);

    /** The modules an entry file imports (npm packages and their subpaths, Python modules, Go import paths). */
    Set<String> imports(Path entry);

    /** The plugin an entry for {@code plugin} would add, made out from the package's sources. */
    PluginFactory factory(PluginPackage pkg, String plugin);
}
